// The real @tosspayments/payment-widget-sdk loads the sandbox's widget script in Chromium and pays
// through the sandbox payment window, by card, virtual account and 토스페이, to the success redirect.
import { expect, test, type Page } from "@playwright/test";
import { unlockConsole } from "./shop-fixtures";
import { ONE_SIZE } from "./sizes";

const AGREEMENT = "[필수] 결제 서비스 이용 약관, 개인정보 처리 동의";

async function openDemo(page: Page) {
  await page.goto("/sandbox/toss/demo");
  await expect(page.getByRole("button", { name: "결제하기" })).toBeEnabled();
  // Loaded by the SDK's loadPaymentWidget(…, { src }), not by our page.
  await expect(page.locator('script[src="/sandbox/toss/v1/payment-widget"]')).toHaveCount(1);
  await expect(page.getByRole("group", { name: "결제 수단" })).toBeVisible();
}

async function payThroughWindow(page: Page, method: "카드" | "가상계좌" | "토스페이", amount: number) {
  await page.getByRole("radio", { name: method }).check();
  await page.getByRole("checkbox", { name: AGREEMENT }).check();
  await page.getByRole("button", { name: "결제하기" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/pay\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "토스페이먼츠 결제" })).toBeVisible();
  await expect(page.getByText(`₩${amount.toLocaleString("ko-KR")}`)).toBeVisible();
}

function successQuery(page: Page) {
  const url = new URL(page.url());
  expect(url.pathname).toBe("/sandbox/toss/demo/success");
  expect([...url.searchParams.keys()]).toEqual(["paymentType", "orderId", "paymentKey", "amount"]);
  expect(url.searchParams.get("paymentType")).toBe("NORMAL");
  expect(url.searchParams.get("orderId")).toMatch(/^demo-[0-9a-f-]{36}$/);
  return url.searchParams;
}

test("pays by card: widget, payment window, 결제 승인, success redirect, confirm", async ({ page }) => {
  await openDemo(page);
  await expect(page.getByRole("radio", { name: "카드" })).toBeChecked();
  await payThroughWindow(page, "카드", 15000);
  await page.getByLabel("카드사", { exact: true }).selectOption({ label: "신한카드" });
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/success\?/);
  expect(successQuery(page).get("amount")).toBe("15000");
  await expect(page.getByRole("heading", { name: "결제가 완료되었어요" })).toBeVisible();
  await expect(page.getByTestId("confirm-result")).toContainText("카드");
  // A refresh replays the confirm (same Idempotency-Key): still done, not an error.
  await page.reload();
  await expect(page.getByRole("heading", { name: "결제가 완료되었어요" })).toBeVisible();
});

test("pays by virtual account, then the tester deposits from the console", async ({ page }) => {
  await openDemo(page);
  await page.getByLabel("결제 금액 (원)", { exact: true }).fill("20000");
  await expect(page.getByText("20,000원")).toBeVisible();
  await payThroughWindow(page, "가상계좌", 20000);
  await page.getByLabel("입금 은행", { exact: true }).selectOption({ label: "우리은행" });
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/success\?/);
  const orderId = successQuery(page).get("orderId")!;
  await expect(page.getByRole("heading", { name: "가상계좌가 발급되었어요" })).toBeVisible();
  await expect(page.getByTestId("confirm-result")).toContainText(/우리은행 X\d{13}/);

  await page.getByRole("link", { name: "콘솔에서 이 결제 보기" }).click();
  await unlockConsole(page);
  // The order id also shows in the webhook log below once the sandbox's webhooks are sent: look in the payments table.
  const payments = page.getByRole("table", { name: "샌드박스 결제 목록" });
  const row = payments.getByRole("row", { name: new RegExp(orderId) });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "입금 처리" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("입금 처리했습니다");
  await expect(row.getByText("결제 완료")).toBeVisible();
});

test("pays with 토스페이 (easy pay)", async ({ page }) => {
  await openDemo(page);
  await payThroughWindow(page, "토스페이", 15000);
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/success\?/);
  successQuery(page);
  await expect(page.getByRole("heading", { name: "결제가 완료되었어요" })).toBeVisible();
  await expect(page.getByTestId("confirm-result")).toContainText("간편결제");
});

test("shows the widget's error when the required agreement is not checked", async ({ page }) => {
  await openDemo(page);
  await page.getByRole("button", { name: "결제하기" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("필수 약관에 동의해주세요. (NEED_AGREEMENT_WITH_REQUIRED_TERMS)");
  await expect(page).toHaveURL(/\/sandbox\/toss\/demo$/);
  // Agreeing then paying goes through.
  await page.getByRole("checkbox", { name: AGREEMENT }).check();
  await page.getByRole("button", { name: "결제하기" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/pay\//);
});

test("결제 취소 in the payment window goes to failUrl with PAY_PROCESS_CANCELED", async ({ page }) => {
  await openDemo(page);
  await payThroughWindow(page, "카드", 15000);
  await page.getByRole("button", { name: "결제 취소" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/fail\?code=PAY_PROCESS_CANCELED&message=.+&orderId=demo-/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("사용자에 의해 결제가 취소되었습니다. (PAY_PROCESS_CANCELED)");
});

test("실패 처리 with a chosen code goes to failUrl with that code", async ({ page }) => {
  await openDemo(page);
  await payThroughWindow(page, "카드", 15000);
  await page.getByLabel("실패 시나리오", { exact: true }).selectOption("INVALID_STOPPED_CARD");
  await page.getByRole("button", { name: "실패 처리" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/demo\/fail\?code=INVALID_STOPPED_CARD&/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("정지된 카드 입니다.");
});

test("the widget's API behaves as Toss's v1 widget: methods, events, agreement, argument checks", ONE_SIZE, async ({ page }) => {
  await openDemo(page);
  const result = await page.evaluate(async () => {
    type Failure = { code?: string };
    const codeOf = async (run: () => unknown) => {
      try {
        await run();
        return "no error";
      } catch (error) {
        return (error as Failure).code;
      }
    };
    const PaymentWidget = window.PaymentWidget!;
    const host = document.createElement("div");
    host.innerHTML = '<div id="probe-methods"></div><div id="probe-agreement"></div>';
    document.body.append(host);
    const widget = PaymentWidget("test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm", "@@ANONYMOUS");
    const methods = widget.renderPaymentMethods("#probe-methods", 5000);
    const ready = await new Promise<boolean>((resolve) => {
      methods.on("ready", () => resolve(true));
      setTimeout(() => resolve(false), 3000);
    });
    const agreement = widget.renderAgreement("#probe-agreement");
    const changes: boolean[] = [];
    agreement.on("change", (status) => changes.push(status.agreedRequiredTerms));
    const initialMethod = methods.getSelectedPaymentMethod();
    (host.querySelector('input[value="TOSSPAY"]') as HTMLInputElement).click();
    const tosspay = methods.getSelectedPaymentMethod();
    const beforeAgreeing = agreement.getAgreementStatus().agreedRequiredTerms;
    const needAgreement = await codeOf(() =>
      widget.requestPayment({ orderId: "order_probe_1", orderName: "x", successUrl: "https://a.example/s", failUrl: "https://a.example/f" }),
    );
    (host.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    methods.updateAmount(7000);
    return {
      ready,
      initialMethod,
      tosspay,
      beforeAgreeing,
      afterAgreeing: agreement.getAgreementStatus(),
      changes,
      amountText: host.querySelector("[data-tsbx-amount]")?.textContent,
      needAgreement,
      badAmount: await codeOf(() => methods.updateAmount(-1)),
      badOrderId: await codeOf(() => widget.requestPayment({ orderId: "abc", orderName: "x", successUrl: "https://a.example/s", failUrl: "https://a.example/f" })),
      // Only one URL: neither redirect nor promise mode (promise mode itself: sandbox-v2.spec.ts).
      oneUrl: await codeOf(() => widget.requestPayment({ orderId: "order_probe_1", orderName: "x", successUrl: "https://a.example/s" })),
      relativeUrl: await codeOf(() => widget.requestPayment({ orderId: "order_probe_1", orderName: "x", successUrl: "/s", failUrl: "https://a.example/f" })),
      noOrderName: await codeOf(() => widget.requestPayment({ orderId: "order_probe_1", orderName: "", successUrl: "https://a.example/s", failUrl: "https://a.example/f" })),
      badSelector: await codeOf(() => PaymentWidget("test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm", "@@ANONYMOUS").renderPaymentMethods("#nowhere", 1000)),
      secretKey: await codeOf(() => PaymentWidget("test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6", "@@ANONYMOUS")),
      badCustomerKey: await codeOf(() => PaymentWidget("test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm", "a")),
      anonymous: PaymentWidget.ANONYMOUS,
    };
  });
  expect(result).toEqual({
    ready: true,
    initialMethod: { type: "NORMAL", method: "카드", paymentMethodKey: "CARD" },
    tosspay: { type: "NORMAL", method: "간편결제", paymentMethodKey: "TOSSPAY", easyPay: { provider: "토스페이" } },
    beforeAgreeing: false,
    afterAgreeing: { agreedRequiredTerms: true, terms: [expect.objectContaining({ agreed: true, required: true, title: AGREEMENT })] },
    changes: [true],
    amountText: "7,000원",
    needAgreement: "NEED_AGREEMENT_WITH_REQUIRED_TERMS",
    badAmount: "BELOW_ZERO_AMOUNT",
    badOrderId: "INVALID_ORDER_ID",
    oneUrl: "INCORRECT_FAIL_URL_FORMAT",
    relativeUrl: "INCORRECT_SUCCESS_URL_FORMAT",
    noOrderName: "INVALID_PARAMETERS",
    badSelector: "INVALID_SELECTOR",
    secretKey: "INSECURE_KEY_USAGE",
    badCustomerKey: "INVALID_CUSTOMER_KEY",
    anonymous: "@@ANONYMOUS",
  });
});
