// axe-core (WCAG 2.1 A and AA rules) on every page a buyer or tester meets, at phone and desktop sizes
// (the two Playwright projects): a serious or critical violation fails the test (tests/e2e/axe.ts).
import { expectAccessible } from "./axe";
import { expect, payWithWidget, signUp, test, unlockConsole } from "./shop-fixtures";

test("pages a visitor sees, signed out", async ({ page }) => {
  for (const path of ["/", "/pricing", "/login", "/signup", "/login?error=CredentialsSignin", "/no-such-page", "/sandbox/toss/demo", "/sandbox/toss/demo?sdk=v2-widget", "/sandbox/toss/demo?sdk=v2-payment"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});

test("a purchase from checkout to the account page, and the sandbox's window and console", async ({ page }, testInfo) => {
  await signUp(page);
  await expectAccessible(page, "pricing, signed in");

  await page.goto("/checkout?product=PRO_PACK");
  await expect(page.getByRole("button", { name: "결제하기" })).toBeEnabled();
  await expectAccessible(page, "checkout with the widget");

  await payWithWidget(page, testInfo, "카드", "a11y-checkout");
  await expectAccessible(page, "the sandbox payment window");
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();
  await expectAccessible(page, "success");

  for (const path of ["/orders", "/account", "/checkout/fail?code=PAY_PROCESS_CANCELED&message=%EC%B7%A8%EC%86%8C&orderId=none"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  await page.goto("/orders");
  await page.locator('main a[href^="/orders/"]').first().click();
  await expect(page).toHaveURL(/\/orders\/[^/]+$/);
  await expectAccessible(page, "order detail");

  await page.goto("/sandbox/toss");
  await expectAccessible(page, "the locked console");
  await unlockConsole(page);
  await expectAccessible(page, "the sandbox console");
});
