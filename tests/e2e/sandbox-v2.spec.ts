// Toss's real SDK v2 (@tosspayments/tosspayments-sdk) loads the sandbox's /sandbox/toss/v2/standard in
// Chromium: the widget (widgets(), widget keys) and the payment window (payment(), API individual keys),
// in redirect and promise mode, through the sandbox payment window to DONE; 결제 취소 in promise mode
// rejects with USER_CANCEL; the key families refuse each other. Also v1's promise mode.
import { expect, test, type Page } from "@playwright/test";
import { unlockConsole } from "./shop-fixtures";
import { ONE_SIZE } from "./sizes";

const AGREEMENT = "[필수] 결제 서비스 이용 약관, 개인정보 처리 동의";
const DOCS_WIDGET_CLIENT_KEY = "test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm";
const DOCS_API_CLIENT_KEY = "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq";

async function openDemo(page: Page, sdk: "v1" | "v2-widget" | "v2-payment") {
  await page.goto(sdk === "v1" ? "/sandbox/toss/demo" : `/sandbox/toss/demo?sdk=${sdk}`);
  await expect(page.getByRole("button", { name: "결제하기" })).toBeEnabled();
  // Loaded by the SDK's loader through its `src` option, not by our page.
  const src = sdk === "v1" ? "/sandbox/toss/v1/payment-widget" : "/sandbox/toss/v2/standard";
  await expect(page.locator(`script[src="${src}"]`)).toHaveCount(1);
}

async function choosePromiseMode(page: Page) {
  await page.getByRole("radio", { name: /Promise/ }).check();
}

/** Clicks 결제하기 in promise mode and returns the payment window that opens over the page. */
async function openPopupWindow(page: Page, amount: number) {
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "결제하기" }).click();
  const popup = await popupOpened;
  await expect(popup.getByRole("heading", { name: "토스페이먼츠 결제" })).toBeVisible();
  await expect(popup.getByText(`₩${amount.toLocaleString("ko-KR")}`)).toBeVisible();
  await expect(page.getByRole("dialog", { name: "결제창이 열려 있어요" })).toBeVisible();
  return popup;
}

/**
 * Clicks a button in the payment window, which then closes itself. The wait is registered before the click:
 * a window that closes before `waitForEvent("close")` is called never fires it again, and the wait would
 * hang until the test's timeout (this failed CI once).
 */
async function clickAndWaitForClose(popup: Page, button: string) {
  const closed = popup.waitForEvent("close");
  await popup.getByRole("button", { name: button }).click();
  await closed;
}

function successQuery(page: Page) {
  const url = new URL(page.url());
  expect(url.pathname).toBe("/sandbox/toss/demo/success");
  expect(url.searchParams.get("paymentType")).toBe("NORMAL");
  expect(url.searchParams.get("orderId")).toMatch(/^demo-[0-9a-f-]{36}$/);
  expect(url.searchParams.get("paymentKey")).toMatch(/^tsbx/);
  return url.searchParams;
}

test.describe("v2 widget", () => {
  test("redirect mode: setAmount, render, agree, payment window, success redirect, confirm → DONE", async ({ page }) => {
    await openDemo(page, "v2-widget");
    await page.getByLabel("결제 금액 (원)", { exact: true }).fill("12000");
    await expect(page.getByText("12,000원")).toBeVisible();
    await page.getByRole("checkbox", { name: AGREEMENT }).check();
    await page.getByRole("button", { name: "결제하기" }).click();
    await expect(page).toHaveURL(/\/sandbox\/toss\/pay\/[^/]+$/);
    await expect(page.getByText("₩12,000")).toBeVisible();
    await page.getByRole("button", { name: "결제 승인" }).click();
    await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/success\?/);
    const query = successQuery(page);
    expect([...query.keys()]).toEqual(["paymentType", "orderId", "paymentKey", "amount"]);
    expect(query.get("amount")).toBe("12000");
    await expect(page.getByRole("heading", { name: "결제가 완료되었어요" })).toBeVisible();
    await expect(page.getByTestId("confirm-result")).toContainText("카드");
  });

  test("promise mode: the window opens over the page, the promise resolves, confirm → DONE", async ({ page }) => {
    await openDemo(page, "v2-widget");
    await choosePromiseMode(page);
    await page.getByRole("radio", { name: "토스페이" }).check();
    await page.getByRole("checkbox", { name: AGREEMENT }).check();
    const popup = await openPopupWindow(page, 15000);
    await clickAndWaitForClose(popup, "결제 승인");
    await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/success\?/);
    expect(successQuery(page).get("amount")).toBe("15000");
    await expect(page.getByRole("heading", { name: "결제가 완료되었어요" })).toBeVisible();
    await expect(page.getByTestId("confirm-result")).toContainText("간편결제");
  });

  test("promise mode: 결제 취소 in the window rejects with USER_CANCEL, and the buyer can pay again", async ({ page }) => {
    await openDemo(page, "v2-widget");
    await choosePromiseMode(page);
    await page.getByRole("checkbox", { name: AGREEMENT }).check();
    const popup = await openPopupWindow(page, 15000);
    await clickAndWaitForClose(popup, "결제 취소");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("취소되었습니다. (USER_CANCEL)");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    // Closing the window by hand is a cancel too.
    const again = await openPopupWindow(page, 15000);
    await again.close();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("취소되었습니다. (USER_CANCEL)");
  });
});

test.describe("v2 payment window (결제창) with API individual keys", () => {
  test("by card: payment(), requestPayment({ method: CARD }), success redirect, confirm with test_sk_ → DONE", async ({ page }) => {
    await openDemo(page, "v2-payment");
    await page.getByRole("radio", { name: "카드" }).check();
    await page.getByRole("button", { name: "결제하기" }).click();
    await expect(page).toHaveURL(/\/sandbox\/toss\/pay\/[^/]+$/);
    await page.getByLabel("카드사", { exact: true }).selectOption({ label: "신한카드" });
    await page.getByRole("button", { name: "결제 승인" }).click();
    await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/success\?keys=api&paymentType=NORMAL&orderId=/);
    expect(successQuery(page).get("amount")).toBe("15000");
    await expect(page.getByRole("heading", { name: "결제가 완료되었어요" })).toBeVisible();
    await expect(page.getByTestId("confirm-result")).toContainText("카드");
  });

  test("by virtual account in promise mode, then the tester deposits from the console → DONE", async ({ page }) => {
    await openDemo(page, "v2-payment");
    await choosePromiseMode(page);
    await page.getByRole("radio", { name: "가상계좌" }).check();
    const popup = await openPopupWindow(page, 15000);
    await popup.getByLabel("입금 은행", { exact: true }).selectOption({ label: "우리은행" });
    await popup.getByRole("button", { name: "결제 승인" }).click();
    await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/success\?keys=api&/);
    const orderId = successQuery(page).get("orderId")!;
    await expect(page.getByRole("heading", { name: "가상계좌가 발급되었어요" })).toBeVisible();
    await expect(page.getByTestId("confirm-result")).toContainText(/우리은행 X\d{13}/);

    await page.getByRole("link", { name: "콘솔에서 이 결제 보기" }).click();
    await unlockConsole(page);
    const row = page.getByRole("table", { name: "샌드박스 결제 목록" }).getByRole("row", { name: new RegExp(orderId) });
    await expect(row).toContainText("SDK v2 결제창");
    await expect(row).toContainText("API 개별 연동 키 (test_ck_)");
    await row.getByRole("button", { name: "입금 처리" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("입금 처리했습니다");
    await expect(row.getByText("결제 완료")).toBeVisible();
  });
});

test("v1 promise mode: requestPayment without URLs resolves { paymentType, orderId, paymentKey, amount }", async ({ page }) => {
  await openDemo(page, "v1");
  await choosePromiseMode(page);
  await page.getByRole("checkbox", { name: AGREEMENT }).check();
  const popup = await openPopupWindow(page, 15000);
  await popup.getByRole("button", { name: "결제 승인" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/success\?/);
  expect(successQuery(page).get("amount")).toBe("15000");
  await expect(page.getByRole("heading", { name: "결제가 완료되었어요" })).toBeVisible();
});

test("v1 promise mode: 결제 취소 rejects with USER_CANCEL", async ({ page }) => {
  await openDemo(page, "v1");
  await choosePromiseMode(page);
  await page.getByRole("checkbox", { name: AGREEMENT }).check();
  const popup = await openPopupWindow(page, 15000);
  await popup.getByRole("button", { name: "결제 취소" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("취소되었습니다. (USER_CANCEL)");
});

test("v2's API: key families, argument checks and result shapes as Toss's SDK types define them", ONE_SIZE, async ({ page }) => {
  await openDemo(page, "v2-widget");
  const result = await page.evaluate(
    async ({ widgetKey, apiKey }) => {
      type Sdk = (clientKey: string) => {
        widgets(p: unknown): Record<string, (...a: unknown[]) => Promise<unknown>>;
        payment(p: unknown): { requestPayment(r: unknown): Promise<unknown> };
      };
      const TossPayments = (window as unknown as { TossPayments: Sdk & { ANONYMOUS: string } }).TossPayments;
      const codeOf = async (run: () => unknown) => {
        try {
          await run();
          return "no error";
        } catch (error) {
          return (error as { code?: string }).code;
        }
      };
      const host = document.createElement("div");
      host.innerHTML = '<div id="probe-methods"></div><div id="probe-agreement"></div>';
      document.body.append(host);
      const widgets = TossPayments(widgetKey).widgets({ customerKey: TossPayments.ANONYMOUS });
      const notSetUp = await codeOf(() => widgets.renderPaymentMethods!({ selector: "#probe-methods" }));
      const noCurrency = await codeOf(() => widgets.setAmount!({ value: 1000 }));
      await widgets.setAmount!({ currency: "KRW", value: 5000 });
      const methods = (await widgets.renderPaymentMethods!({ selector: "#probe-methods", variantKey: "DEFAULT" })) as {
        on(name: string, cb: (m: unknown) => void): void;
        getSelectedPaymentMethod(): Promise<unknown>;
      };
      const agreement = (await widgets.renderAgreement!({ selector: "#probe-agreement", variantKey: "AGREEMENT" })) as {
        on(name: string, cb: (s: unknown) => void): void;
      };
      const selections: unknown[] = [];
      const statuses: unknown[] = [];
      methods.on("paymentMethodSelect", (m) => selections.push(m));
      agreement.on("agreementStatusChange", (s) => statuses.push(s));
      (host.querySelector('input[value="VIRTUAL_ACCOUNT"]') as HTMLInputElement).click();
      const needAgreement = await codeOf(() => widgets.requestPayment!({ orderId: "order_probe_1", orderName: "x" }));
      (host.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
      const payment = TossPayments(apiKey).payment({ customerKey: "customer_probe_1" });
      const order = { orderId: "order_probe_2", orderName: "x", successUrl: "https://a.example/s", failUrl: "https://a.example/f" };
      return {
        notSetUp,
        noCurrency,
        selected: await methods.getSelectedPaymentMethod(),
        selections,
        statuses,
        needAgreement,
        badEvent: await codeOf(() => methods.on("change", () => {})),
        badOrderId: await codeOf(() => widgets.requestPayment!({ ...order, orderId: "abc" })),
        alreadyRendered: await codeOf(() => widgets.renderAgreement!({ selector: "#probe-agreement" })),
        apiKeyInWidgets: await codeOf(() => TossPayments(apiKey).widgets({ customerKey: "customer_probe_1" })),
        widgetKeyInPayment: await codeOf(() => TossPayments(widgetKey).payment({ customerKey: "customer_probe_1" })),
        secretKey: await codeOf(() => TossPayments("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R").payment({ customerKey: "customer_probe_1" })),
        badCustomerKey: await codeOf(() => TossPayments(apiKey).payment({ customerKey: "a" })),
        giftCertificate: await codeOf(() => payment.requestPayment({ ...order, method: "CULTURE_GIFT_CERTIFICATE", amount: { currency: "KRW", value: 1000 } })),
        unknownMethod: await codeOf(() => payment.requestPayment({ ...order, method: "카드", amount: { currency: "KRW", value: 1000 } })),
        numberAmount: await codeOf(() => payment.requestPayment({ ...order, method: "CARD", amount: 1000 })),
        zeroAmount: await codeOf(() => payment.requestPayment({ ...order, method: "CARD", amount: { currency: "KRW", value: 0 } })),
        relativeFailUrl: await codeOf(() => payment.requestPayment({ ...order, failUrl: "/f", method: "CARD", amount: { currency: "KRW", value: 1000 } })),
        badMetadata: await codeOf(() => payment.requestPayment({ ...order, method: "CARD", amount: { currency: "KRW", value: 1000 }, metadata: { "a[0]": "x" } })),
        anonymous: TossPayments.ANONYMOUS,
      };
    },
    { widgetKey: DOCS_WIDGET_CLIENT_KEY, apiKey: DOCS_API_CLIENT_KEY },
  );
  expect(result).toEqual({
    notSetUp: "NOT_SETUP_AMOUNT",
    noCurrency: "INVALID_AMOUNT_CURRENCY",
    selected: { code: "VIRTUAL_ACCOUNT" },
    selections: [{ code: "VIRTUAL_ACCOUNT" }],
    statuses: [{ agreedRequiredTerms: true, agreements: [{ term: { id: "sandbox-required-terms", required: true }, agreed: true }] }],
    needAgreement: "NEED_AGREEMENT_WITH_REQUIRED_TERMS",
    badEvent: "INVALID_PARAMETER",
    badOrderId: "INVALID_ORDER_ID",
    alreadyRendered: "AGREEMENT_WIDGET_ALREADY_RENDERED",
    apiKeyInWidgets: "NOT_SUPPORTED_API_INDIVIDUAL_KEY",
    widgetKeyInPayment: "NOT_SUPPORTED_WIDGET_KEY",
    secretKey: "INSECURE_KEY_USAGE",
    badCustomerKey: "INVALID_CUSTOMER_KEY",
    giftCertificate: "NOT_SUPPORTED_METHOD",
    unknownMethod: "INVALID_PARAMETERS",
    numberAmount: "INVALID_PARAMETERS",
    zeroAmount: "BELOW_ZERO_AMOUNT",
    relativeFailUrl: "INCORRECT_FAIL_URL_FORMAT",
    badMetadata: "INVALID_METADATA",
    anonymous: "@@ANONYMOUS",
  });
});
