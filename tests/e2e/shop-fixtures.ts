// Shared pieces of the buying journeys: a fresh signed-up buyer per test, screenshots of every page as
// artifacts, the checkout steps against the sandbox widget and payment window, and a guard that fails a
// test on any Content-Security-Policy violation or uncaught page error.
import { randomUUID } from "node:crypto";
import { expect as baseExpect, test as base, type Page, type TestInfo } from "@playwright/test";
import { TEST_CONSOLE_TOKEN } from "../../scripts/lib/test-env";

export const PASSWORD = "e2e-shop-password-1234";

interface ShopFixtures {
  /** console errors that mean a broken page: CSP refusals and uncaught exceptions */
  pageProblems: string[];
  /** the client address this test's browser has, in x-forwarded-for as Vercel passes it */
  clientAddress: string;
}

export const test = base.extend<ShopFixtures>({
  // Each test is a buyer of its own, from an address of its own: the per-address limits (5 sign-ups
  // an hour) count each test apart, not the whole run from 127.0.0.1.
  clientAddress: [
    async ({ page }, use) => {
      const address = `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::b`;
      await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
      await use(address);
    },
    { auto: true },
  ],
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        if (/Content.Security.Policy|Refused to (load|execute|connect|frame|apply)/i.test(text)) problems.push(text);
      });
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      await use(problems);
      expect(problems, "CSP violations or uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

/** Journeys cross several server round trips (payment window, confirm, webhook): a little more patience. */
export const expect = baseExpect.configure({ timeout: 15_000 });

/** A full-page screenshot, kept in test-results/ as an artifact of the test. */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

export const freshEmail = () => `buyer-${randomUUID().slice(0, 12)}@example.com`;

/** Checks both required agreements of the sign-up form or /consent (이용약관, 개인정보 수집·이용). */
export async function agreeToTerms(page: Page) {
  await page.getByRole("checkbox", { name: /이용약관에 동의합니다/ }).check();
  await page.getByRole("checkbox", { name: /개인정보 수집·이용에 동의합니다/ }).check();
}

/** Signs a new buyer up through the form; the sign-up page sends them on to `callbackUrl`. */
export async function signUp(page: Page, callbackUrl = "/pricing"): Promise<string> {
  const email = freshEmail();
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(PASSWORD);
  await agreeToTerms(page);
  await page.getByRole("button", { name: "가입하기" }).click();
  // Hashing the password, signing in and the full page load: generous on a busy machine.
  await expect(page.getByRole("navigation", { name: "주요 메뉴" }).getByText(email)).toBeVisible({ timeout: 30_000 });
  return email;
}

export type PackCode = "PRO_PACK" | "PREMIUM_PACK";
export type Method = "카드" | "가상계좌" | "토스페이";

/** On /checkout: waits for the widget, picks the method, agrees, and goes to the payment window. Returns the orderId. */
export async function payWithWidget(page: Page, testInfo: TestInfo, method: Method, shotName = "checkout"): Promise<string> {
  const payButton = page.getByRole("button", { name: "결제하기" });
  await expect(payButton).toBeEnabled();
  await expect(page).toHaveURL(/orderId=/);
  const orderId = new URL(page.url()).searchParams.get("orderId")!;
  await page.getByRole("radio", { name: method }).check();
  await page.getByRole("checkbox", { name: /필수/ }).check();
  await snap(page, testInfo, shotName);
  await payButton.click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/pay\//, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "토스페이먼츠 결제" })).toBeVisible();
  return orderId;
}

/** From /pricing: buys a pack up to the sandbox payment window. Returns the orderId. */
export async function startPurchase(page: Page, testInfo: TestInfo, pack: PackCode, method: Method): Promise<string> {
  await page.goto("/pricing");
  await snap(page, testInfo, "pricing");
  const name = pack === "PRO_PACK" ? "프로 팩 구매하기" : "프리미엄 팩 구매하기";
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/checkout\\?product=${pack}`));
  return payWithWidget(page, testInfo, method);
}

/** The buyer's view of an order, through the same API the success page polls. */
export async function orderStatus(page: Page, orderId: string): Promise<string> {
  const response = await page.request.get(`/api/orders/${orderId}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { order: { status: string } }).order.status;
}

export async function balance(page: Page): Promise<number> {
  const response = await page.request.get("/api/credits");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { balance: number }).balance;
}

/** A tester opens the closed sandbox console with its token, as its page asks. */
export async function unlockConsole(page: Page) {
  await expect(page.getByRole("heading", { name: "샌드박스 콘솔이 잠겨 있어요" })).toBeVisible();
  await page.getByLabel("콘솔 토큰").fill(TEST_CONSOLE_TOKEN);
  await page.getByRole("button", { name: "콘솔 열기" }).click();
  await expect(page.getByRole("heading", { name: "샌드박스 콘솔", exact: true })).toBeVisible();
}
