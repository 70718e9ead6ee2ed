// The buying journeys as a buyer lives them, against the production build in sandbox mode, at desktop
// and phone sizes (the two Playwright projects). Every page visited is kept as a screenshot.
import { agreeToTerms, balance, expect, orderStatus, payWithWidget, signUp, snap, startPurchase, test, unlockConsole } from "./shop-fixtures";
import { ONE_SIZE } from "./sizes";

test("card purchase: success page shows the payment and +3 credits", async ({ page }, testInfo) => {
  await signUp(page);
  const orderId = await startPurchase(page, testInfo, "PRO_PACK", "카드");
  await snap(page, testInfo, "sandbox-payment-window");
  await page.getByRole("button", { name: "결제 승인" }).click();

  await expect(page).toHaveURL(/\/checkout\/success\?/);
  await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();
  const details = page.getByRole("region", { name: "결제 내역" });
  await expect(details).toContainText("₩3,000");
  await expect(details).toContainText("카드");
  await expect(details).toContainText(orderId);
  await expect(details).toContainText("+3개");
  await expect(page.getByTestId("balance-after")).toHaveText("3개");
  await snap(page, testInfo, "success");

  await page.getByRole("link", { name: "주문 상세 보기" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await expect(page.getByText("결제 완료", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /영수증 보기/ })).toBeVisible();
  await snap(page, testInfo, "order-details");

  await page.goto("/account");
  await expect(page.getByTestId("credit-balance")).toHaveText("3개");
  await expect(page.getByRole("region", { name: "크레딧 내역" }).getByText("구매", { exact: true })).toBeVisible();
  await snap(page, testInfo, "account");
});

test("the success page reloaded does not grant twice", ONE_SIZE, async ({ page }, testInfo) => {
  await signUp(page);
  await startPurchase(page, testInfo, "PRO_PACK", "카드");
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page.getByTestId("balance-after")).toHaveText("3개");

  await page.reload();
  await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();
  await expect(page.getByTestId("balance-after")).toHaveText("3개");
  await snap(page, testInfo, "success-reloaded");
  // And once more, as a double-tapped back/forward would.
  await page.reload();
  await expect(page.getByTestId("balance-after")).toHaveText("3개");
  expect(await balance(page)).toBe(3);
});

test("virtual account: waiting screen, deposit in the sandbox console, +5 without a reload", async ({ page, context }, testInfo) => {
  await signUp(page);
  const orderId = await startPurchase(page, testInfo, "PREMIUM_PACK", "가상계좌");
  await snap(page, testInfo, "sandbox-payment-window");
  await page.getByRole("button", { name: "결제 승인" }).click();

  await expect(page.getByRole("heading", { name: "입금을 기다리고 있어요" })).toBeVisible();
  await expect(page.getByTestId("virtual-account-number")).toHaveText(/^X/);
  await expect(page.getByText("₩5,000").first()).toBeVisible();
  await expect(page.getByText(/까지$/)).toBeVisible(); // the due date
  await snap(page, testInfo, "success-waiting-for-deposit");
  expect(await orderStatus(page, orderId)).toBe("WAITING_FOR_DEPOSIT");

  // The deposit happens elsewhere: the sandbox console, in another tab.
  const console = await context.newPage();
  await console.goto(`/sandbox/toss?q=${orderId}`);
  await unlockConsole(console);
  await snap(console, testInfo, "sandbox-console");
  await console.getByRole("button", { name: "입금 처리" }).click();
  await expect(console.getByRole("status")).toBeVisible();
  await console.close();

  // The buyer's page notices by itself.
  await expect(page.getByRole("heading", { name: "입금이 확인됐어요" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("balance-after")).toHaveText("5개");
  await snap(page, testInfo, "success-deposited");
  expect(await orderStatus(page, orderId)).toBe("PAID");
});

test("buyer cancels in the payment window: back to pricing with a toast, order canceled", async ({ page }, testInfo) => {
  await signUp(page);
  const orderId = await startPurchase(page, testInfo, "PRO_PACK", "카드");
  await page.getByRole("button", { name: "결제 취소" }).click();

  await expect(page).toHaveURL(/\/pricing$/);
  await expect(page.getByRole("status").filter({ hasText: "결제를 취소했어요" })).toBeVisible();
  await snap(page, testInfo, "pricing-canceled-toast");
  expect(await orderStatus(page, orderId)).toBe("CANCELED");

  await page.goto("/orders");
  await expect(page.getByRole("link", { name: /프로 팩/ })).toContainText("취소됨");
  await snap(page, testInfo, "orders");
});

test("a refused payment shows why, keeps the order open, and a retry pays it", ONE_SIZE, async ({ page }, testInfo) => {
  await signUp(page);
  const orderId = await startPurchase(page, testInfo, "PRO_PACK", "카드");
  await page.getByLabel("실패 시나리오").selectOption("REJECT_CARD_COMPANY");
  await page.getByRole("button", { name: "실패 처리" }).click();

  await expect(page).toHaveURL(/\/checkout\/fail\?/);
  const dialog = page.getByRole("dialog", { name: "결제를 완료하지 못했어요" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("카드사에서 결제를 거절했어요");
  await expect(dialog.getByRole("link", { name: "다시 시도" })).toBeFocused();
  await expect(dialog.getByRole("link", { name: "요금제로 돌아가기" })).toBeVisible();
  await snap(page, testInfo, "fail-modal");
  expect(await orderStatus(page, orderId)).toBe("PENDING");

  // Escape closes the modal; the page keeps the same way on.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: "다시 시도" })).toBeVisible();

  await page.getByRole("link", { name: "다시 시도" }).click();
  await expect(page).toHaveURL(new RegExp(`/checkout\\?product=PRO_PACK&orderId=${orderId}`));
  expect(await payWithWidget(page, testInfo, "카드", "checkout-retry")).toBe(orderId);
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();
  await expect(page.getByTestId("balance-after")).toHaveText("3개");
  expect(await orderStatus(page, orderId)).toBe("PAID");
});

test("refund: the credits go back and the order is canceled", async ({ page }, testInfo) => {
  await signUp(page);
  const orderId = await startPurchase(page, testInfo, "PRO_PACK", "카드");
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page.getByTestId("balance-after")).toHaveText("3개");

  await page.goto(`/orders/${orderId}`);
  // Paid today: the buyer's own window ends at 23:59 on the 7th day after (lib/payments/refund-window.ts).
  await expect(page.getByText("직접 환불 기한")).toBeVisible();
  await expect(page.getByText(/까지 전액 환불할 수 있어요/)).toContainText("23:59");
  // The pack's own lot: untouched, valid 5 years (CREDIT_VALIDITY_MONTHS' default) from today.
  await expect(page.getByTestId("order-lot-remaining")).toHaveText("3 / 3개");
  await expect(page.getByText(`${new Date().getFullYear() + 5}년`)).toBeVisible();
  await page.getByRole("button", { name: "환불하기" }).click();
  const dialog = page.getByRole("dialog", { name: "이 주문을 환불할까요?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "닫기" })).toBeFocused();
  await snap(page, testInfo, "refund-dialog");
  await dialog.getByRole("button", { name: "환불하기" }).click();

  await expect(page.getByRole("status").filter({ hasText: "환불했어요" })).toBeVisible();
  await expect(page.getByText("취소됨", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "환불하기" })).toHaveCount(0);
  await snap(page, testInfo, "order-refunded");
  expect(await balance(page)).toBe(0);

  await page.goto("/account");
  await expect(page.getByTestId("credit-balance")).toHaveText("0개");
  await expect(page.getByText("환불/취소", { exact: true })).toBeVisible();
});

test("a signed-out buyer goes through login and comes back to the checkout", ONE_SIZE, async ({ page }, testInfo) => {
  await page.goto("/pricing");
  await snap(page, testInfo, "pricing-signed-out");
  await page.getByRole("link", { name: "프리미엄 팩 구매하기" }).click();

  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcheckout%3Fproduct%3DPREMIUM_PACK$/);
  await snap(page, testInfo, "login");
  await page.getByRole("main").getByRole("link", { name: "회원가입" }).click();
  await expect(page).toHaveURL(/\/signup\?callbackUrl=%2Fcheckout%3Fproduct%3DPREMIUM_PACK$/);
  await page.getByLabel("이메일").fill(`buyer-${Date.now()}-${testInfo.workerIndex}@example.com`);
  await page.getByLabel("비밀번호").fill("e2e-shop-password-1234");
  await agreeToTerms(page);
  await page.getByRole("button", { name: "가입하기" }).click();

  await expect(page).toHaveURL(/\/checkout\?product=PREMIUM_PACK/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "결제", exact: true })).toBeVisible();
  await expect(page.getByText("프리미엄 팩").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "결제하기" })).toBeEnabled();
  await snap(page, testInfo, "checkout-after-login");
});
