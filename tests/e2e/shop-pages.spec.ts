// The shop's pages off the happy path: widget errors, unknown products, broken return links, spending
// credits, and the checkout's layout stability.
import type { Page } from "@playwright/test";
import { balance, expect, orderStatus, payWithWidget, signUp, snap, startPurchase, test } from "./shop-fixtures";
import { kstDay } from "../../lib/kst";
import { ONE_SIZE } from "./sizes";

/** Our alerts, not Next.js's route announcer (also role="alert", outside <main>). */
const alertIn = (page: Page) => page.getByRole("main").getByRole("alert");

const WIDGET_SCRIPT = "**/sandbox/toss/v1/payment-widget";

test("checkout without the required agreement explains in Korean and keeps the page", async ({ page }, testInfo) => {
  await signUp(page, "/checkout?product=PRO_PACK");
  const payButton = page.getByRole("button", { name: "결제하기" });
  await expect(payButton).toBeEnabled();
  await payButton.click();
  await expect(alertIn(page)).toHaveText("필수 약관에 동의해 주세요.");
  await expect(page).toHaveURL(/\/checkout\?/);
  await snap(page, testInfo, "checkout-agreement-missing");

  // The same order goes on once the buyer agrees.
  await page.getByRole("checkbox", { name: /필수/ }).check();
  await payButton.click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/pay\//);
});

test("a widget script that fails to load can be retried", ONE_SIZE, async ({ page }, testInfo) => {
  await signUp(page);
  await page.route(WIDGET_SCRIPT, (route) => route.abort("failed"));
  await page.goto("/checkout?product=PRO_PACK");
  await expect(page.getByText("결제 모듈을 불러오지 못했어요", { exact: true })).toBeVisible();
  await expect(alertIn(page)).toContainText("결제 모듈을 불러오지 못했어요");
  await expect(page.getByRole("button", { name: "결제하기" })).toBeDisabled();
  await snap(page, testInfo, "checkout-script-failed");

  await page.unroute(WIDGET_SCRIPT);
  await page.getByRole("button", { name: "다시 시도" }).click();
  await expect(page.getByRole("button", { name: "결제하기" })).toBeEnabled();
  await expect(page.getByRole("radio", { name: "카드" })).toBeVisible();
  await expect(alertIn(page)).toHaveCount(0);
});

test("the widget's arrival does not shift the page", async ({ page }) => {
  await signUp(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  // Hold the script back a moment so the placeholder is really on screen first.
  await page.route(WIDGET_SCRIPT, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.goto("/checkout?product=PRO_PACK");
  await expect(page.getByRole("button", { name: "결제하기" })).toBeEnabled();
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  expect(cls).toBeLessThan(0.05);
});

test("an unknown product gets a clear message, not an error page", ONE_SIZE, async ({ page }, testInfo) => {
  await signUp(page);
  const response = await page.goto("/checkout?product=NO_SUCH_PACK");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "찾을 수 없는 상품이에요" })).toBeVisible();
  await snap(page, testInfo, "checkout-unknown-product");
  await page.getByRole("link", { name: "요금제 보기" }).click();
  await expect(page).toHaveURL(/\/pricing$/);
});

test("a success link with missing or wrong parameters explains itself", ONE_SIZE, async ({ page }, testInfo) => {
  await signUp(page);
  await page.goto("/checkout/success?orderId=nope");
  await expect(page.getByRole("heading", { name: "결제 정보를 확인할 수 없어요" })).toBeVisible();
  await snap(page, testInfo, "success-invalid");

  // Well-formed but not this buyer's order: the confirm refuses, the page says so calmly.
  await page.goto("/checkout/success?paymentType=NORMAL&orderId=ord_doesnotexist000&paymentKey=tsbx_fake&amount=3000");
  await expect(page.getByRole("heading", { name: "결제를 완료하지 못했어요" })).toBeVisible();
  await expect(alertIn(page)).toHaveText("주문을 찾을 수 없어요.");
  await expect(page.getByRole("link", { name: "요금제로 돌아가기" })).toBeVisible();
});

test("a changed amount on the success link is refused and nothing is granted", ONE_SIZE, async ({ page }, testInfo) => {
  await signUp(page);
  const orderId = await startPurchase(page, testInfo, "PRO_PACK", "카드");
  // Approve in the payment window without following its redirect back (as a buyer whose connection
  // dropped there would), keep the genuine link, and come back instead with a lower amount in it.
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "결제 승인" }) });
  const action = new URL((await form.getAttribute("action"))!, page.url()).toString();
  const fields = await form.evaluate((f: HTMLFormElement) => Object.fromEntries([...new FormData(f)].map(([k, v]) => [k, String(v)])));
  const approved = await page.request.post(action, { form: { ...fields, intent: "approve" }, maxRedirects: 0 });
  expect(approved.status()).toBe(303);
  const successUrl = new URL(approved.headers()["location"]!, page.url()).toString();
  expect(successUrl).toContain("amount=3000");

  await page.goto(successUrl.replace("amount=3000", "amount=100"));
  await expect(alertIn(page)).toContainText("결제 금액이 주문 금액과 달라요");
  await snap(page, testInfo, "success-amount-mismatch");
  expect(await orderStatus(page, orderId)).toBe("PENDING");
  expect(await balance(page)).toBe(0);

  // The genuine link still pays the order, once.
  await page.goto(successUrl);
  await expect(page.getByTestId("balance-after")).toHaveText("3개");
});

test("account: balance, ledger and spending a credit; with none left, a way to buy", async ({ page }, testInfo) => {
  await signUp(page, "/account");
  await expect(page.getByTestId("credit-balance")).toHaveText("0개");
  await page.getByLabel("만들 주제").fill("동네 빵집 신메뉴 홍보");
  await page.getByRole("button", { name: "프리미엄 생성 (1 크레딧)" }).click();
  const alert = alertIn(page);
  await expect(alert).toContainText("크레딧이 부족해요");
  await expect(alert.getByRole("link", { name: "크레딧 팩 구매하기" })).toBeVisible();
  await snap(page, testInfo, "account-empty");

  await startPurchase(page, testInfo, "PRO_PACK", "카드");
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page.getByTestId("balance-after")).toHaveText("3개");

  // The pack is a lot of its own, valid 5 years from the payment (CREDIT_VALIDITY_MONTHS' default).
  await page.goto("/account");
  const expiresIn = `${Number(kstDay(new Date()).slice(0, 4)) + 5}년`;
  const lot = page.getByRole("region", { name: "크레딧 묶음" }).getByRole("listitem", { name: "프로 팩 구매" });
  await expect(lot).toContainText("구매");
  await expect(lot).toContainText("남은 크레딧 3 / 3개");
  await expect(lot).toContainText(`유효기간 ${expiresIn}`);
  await expect(page.getByTestId("credit-next-expiry")).toHaveText(new RegExp(`^${expiresIn} \\d+월 \\d+일 3크레딧 만료$`));

  await page.getByLabel("만들 주제").fill("동네 빵집 신메뉴 홍보");
  await page.getByRole("button", { name: "프리미엄 생성 (1 크레딧)" }).click();
  await expect(page.getByRole("heading", { name: "「동네 빵집 신메뉴 홍보」 프리미엄 기획안" })).toBeVisible();
  await expect(page.getByTestId("credit-balance")).toHaveText("2개");
  const ledger = page.getByRole("region", { name: "크레딧 내역" });
  await expect(ledger.getByText("사용", { exact: true })).toBeVisible();
  // The spend names the pack it drew from; the lot and the next expiry count what is left.
  await expect(ledger.getByRole("listitem").filter({ hasText: "동네 빵집" })).toContainText("프로 팩 구매분");
  await expect(lot).toContainText("남은 크레딧 2 / 3개");
  await expect(page.getByTestId("credit-next-expiry")).toContainText("2크레딧 만료");
  await snap(page, testInfo, "account-after-spend");

  // A pack whose credits were spent cannot be refunded from the app.
  await page.goto("/orders");
  await page.getByRole("link", { name: /프로 팩/ }).click();
  await expect(page.getByText("이 팩의 크레딧을 이미 사용해서 환불할 수 없어요.")).toBeVisible();
  await expect(page.getByRole("button", { name: "환불하기" })).toHaveCount(0);
});

test("a resumed checkout pays the same order after a reload", ONE_SIZE, async ({ page }, testInfo) => {
  await signUp(page, "/checkout?product=PREMIUM_PACK");
  await expect(page.getByRole("button", { name: "결제하기" })).toBeEnabled();
  const first = new URL(page.url()).searchParams.get("orderId");
  expect(first).toMatch(/^ord_/);
  await page.reload();
  expect(await payWithWidget(page, testInfo, "토스페이", "checkout-reloaded")).toBe(first);
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();
  await expect(page.getByRole("region", { name: "결제 내역" })).toContainText("간편결제");
});

test("the rules shown before payment: validity, withdrawal and the agreement above the pay button", async ({ page }, testInfo) => {
  await page.goto("/pricing");
  const rules = page.getByRole("region", { name: "구매 전에 확인해 주세요" });
  await expect(rules).toContainText("부가세를 포함한 금액");
  await expect(rules).toContainText("유효기간: 구매한 크레딧은 결제일로부터 5년 동안 사용할 수 있어요.");
  await expect(rules).toContainText("보너스 크레딧을 먼저 쓰고");
  await expect(rules).toContainText("그 팩의 크레딧을 하나도 쓰지 않았다면");
  await expect(rules).toContainText("결제일로부터 7일 안에");
  await expect(rules).toContainText("한 개라도 사용한 팩(사용 예약 중인 크레딧 포함)은");
  await expect(rules.getByRole("link", { name: "환불정책" })).toHaveAttribute("href", "/refund-policy");
  await expect(page.getByRole("article", { name: "프로 팩" })).toContainText("사용하지 않았다면 7일 안에 환불");
  await expect(page.getByRole("article", { name: "프로 팩" })).toContainText("유효기간 5년(결제일부터)");

  await signUp(page, "/checkout?product=PRO_PACK");
  await expect(page.getByRole("region", { name: "구매 전에 확인해 주세요" })).toContainText("결제일로부터 7일 안에");
  const payButton = page.getByRole("button", { name: "결제하기" });
  await expect(payButton).toBeEnabled();
  await expect(payButton).toHaveAccessibleDescription("주문 내용을 확인했으며, 결제에 동의합니다.");
  const statement = await page.getByText("주문 내용을 확인했으며, 결제에 동의합니다.").boundingBox();
  const button = await payButton.boundingBox();
  expect(statement!.y + statement!.height).toBeLessThanOrEqual(button!.y + 1);
  await snap(page, testInfo, "checkout-rules");
});
