// Sign-up, sign-in and sign-out as a buyer does them, against the production build.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { TEST_OPERATOR } from "../../scripts/lib/test-env";
import { expectAccessible } from "./axe";
import { agreeToTerms } from "./shop-fixtures";
import { ONE_SIZE } from "./sizes";

const PASSWORD = "e2e-password-1234";
const INVALID_CREDENTIALS = "이메일 또는 비밀번호가 올바르지 않아요.";
const EMAIL_TAKEN = "이미 가입된 이메일이에요. 로그인해 주세요.";

const freshEmail = () => `e2e-${randomUUID().slice(0, 12)}@example.com`;
const menu = (page: Page) => page.getByRole("navigation", { name: "주요 메뉴" });

// Each test is a visitor of its own, with a client address of its own in x-forwarded-for (as Vercel
// passes it): the per-address limits (5 sign-ups an hour) then count each test apart, not the whole run.
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::e2e` });
});

async function fillAndSubmit(page: Page, button: "가입하기" | "로그인", email: string, password: string) {
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(password);
  if (button === "가입하기") await agreeToTerms(page);
  await page.getByRole("button", { name: button }).click();
}

/** Signs up through the form, waits until the header shows the account, then forgets the session. */
async function registered(page: Page): Promise<string> {
  const email = freshEmail();
  await page.goto("/signup");
  await fillAndSubmit(page, "가입하기", email, PASSWORD);
  await expect(menu(page).getByText(email)).toBeVisible();
  await page.context().clearCookies();
  return email;
}

test("sign up, sign out and sign in again", async ({ page }) => {
  const email = freshEmail();
  await page.goto("/signup");
  await fillAndSubmit(page, "가입하기", email, PASSWORD);
  await expect(menu(page).getByText(email)).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  await menu(page).getByRole("button", { name: "로그아웃" }).click();
  await expect(menu(page).getByRole("link", { name: "로그인" })).toBeVisible();
  await expect(menu(page).getByText(email)).toHaveCount(0);

  await menu(page).getByRole("link", { name: "로그인" }).click();
  await expect(page).toHaveURL(/\/login/);
  await fillAndSubmit(page, "로그인", email, PASSWORD);
  await expect(menu(page).getByText(email)).toBeVisible();

  // A signed-in visitor does not see the login or sign-up form again.
  await page.goto("/login");
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/signup?callbackUrl=/pricing");
  await expect(page).toHaveURL(/\/pricing$/);
});

test("a wrong password and an unknown email get the same single message", ONE_SIZE, async ({ page }) => {
  const email = await registered(page);
  await page.goto("/login");

  await fillAndSubmit(page, "로그인", email, "wrong-password-123");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(INVALID_CREDENTIALS);
  await expect(page.getByLabel("비밀번호")).toBeFocused();

  await fillAndSubmit(page, "로그인", freshEmail(), PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(INVALID_CREDENTIALS);
  await expect(menu(page).getByRole("link", { name: "로그인" })).toBeVisible();
});

test("after five wrong passwords the form says how long to wait, and the right one waits too", ONE_SIZE, async ({ page }) => {
  const email = await registered(page);
  // Five wrong passwords sent straight to next-auth, as a guessing script would (and quickly: the test
  // server's window is 15 s); the limit counts the account whatever sends them.
  for (let i = 0; i < 5; i++) {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answer = await page.request.post("/api/auth/callback/credentials", {
      form: { email, password: `wrong-password-${i}`, csrfToken, json: "true" },
    });
    expect(answer.status()).toBe(401);
  }

  await page.goto("/login");
  const signIn = async (password: string) => {
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/callback/credentials"));
    await fillAndSubmit(page, "로그인", email, password);
    return (await answer).status();
  };
  const limited = /^로그인 시도가 너무 많아요\. \d+(초|분) 후에 다시 시도해 주세요\.$/;
  expect(await signIn("wrong-password-5")).toBe(429);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(limited);

  expect(await signIn(PASSWORD)).toBe(429);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(limited);
  await expect(menu(page).getByRole("link", { name: "로그인" })).toBeVisible();
});

test("signing up twice with one email shows the duplicate message", ONE_SIZE, async ({ page }) => {
  const email = await registered(page);
  await page.goto("/signup");
  await fillAndSubmit(page, "가입하기", email.toUpperCase(), PASSWORD);

  await expect(page.getByText(EMAIL_TAKEN)).toBeVisible();
  const emailField = page.getByLabel("이메일");
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(emailField).toBeFocused();
  await expect(emailField).toHaveValue(email.toUpperCase());
  await expect(page.getByRole("button", { name: "가입하기" })).toBeEnabled();
});

test("an operator's address cannot be signed up for from the form", ONE_SIZE, async ({ page }) => {
  await page.goto("/signup");
  await fillAndSubmit(page, "가입하기", TEST_OPERATOR, PASSWORD);

  await expect(page.getByText("이 이메일로는 가입할 수 없어요. 운영자에게 문의해 주세요.")).toBeVisible();
  const emailField = page.getByLabel("이메일");
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(emailField).toBeFocused();
  await expect(menu(page).getByText(TEST_OPERATOR)).toHaveCount(0);
});

test("login returns to the page in callbackUrl, and only to this site", ONE_SIZE, async ({ page }) => {
  const email = await registered(page);

  await page.goto("/login?callbackUrl=/pricing");
  await fillAndSubmit(page, "로그인", email, PASSWORD);
  await expect(page).toHaveURL(/\/pricing$/);
  await expect(menu(page).getByText(email)).toBeVisible();

  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("https://evil.example/phish")}`);
  await fillAndSubmit(page, "로그인", email, PASSWORD);
  await expect(menu(page).getByText(email)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
});

test("the sign-up page links to login and keeps callbackUrl", ONE_SIZE, async ({ page }) => {
  await page.goto("/signup?callbackUrl=%2Fcheckout%3Fproduct%3DPRO_PACK");
  await page.getByRole("main").getByRole("link", { name: "로그인" }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcheckout%3Fproduct%3DPRO_PACK$/);
  await page.getByRole("main").getByRole("link", { name: "회원가입" }).click();
  await expect(page).toHaveURL(/\/signup\?callbackUrl=%2Fcheckout%3Fproduct%3DPRO_PACK$/);
});

test("empty or invalid input gets messages at the fields", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "가입하기" }).click();
  const emailField = page.getByLabel("이메일");
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(emailField).toBeFocused();
  await expect(page.getByText("이메일을 입력해 주세요.")).toBeVisible();
  await expect(page.getByText("비밀번호를 입력해 주세요.")).toBeVisible();

  await fillAndSubmit(page, "가입하기", "not-an-email", "short");
  await expect(page.getByText("올바른 이메일 주소를 입력해 주세요.")).toBeVisible();
  await expect(page.getByText("비밀번호는 8자 이상이어야 해요.")).toBeVisible();
  await expect(page.getByLabel("비밀번호")).toHaveAttribute("aria-describedby", /signup-password-error/);

  await page.goto("/login");
  await page.getByLabel("이메일").fill("user@example.com");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByLabel("비밀번호")).toBeFocused();
  await expect(page.getByText("비밀번호를 입력해 주세요.")).toBeVisible();
});

test("sign-up asks for both agreements, each with its document", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("이메일").fill(freshEmail());
  await page.getByLabel("비밀번호").fill(PASSWORD);
  await page.getByRole("checkbox", { name: /이용약관에 동의합니다/ }).check();
  await page.getByRole("button", { name: "가입하기" }).click();
  const privacyBox = page.getByRole("checkbox", { name: /개인정보 수집·이용에 동의합니다/ });
  await expect(page.getByText("개인정보 수집·이용에 동의해 주세요.")).toBeVisible();
  await expect(privacyBox).toHaveAttribute("aria-invalid", "true");
  await expect(privacyBox).toBeFocused();
  await expect(page.getByRole("link", { name: /이용약관 보기/ })).toHaveAttribute("href", "/terms");
  await expect(page.getByRole("link", { name: /개인정보 처리방침 보기/ })).toHaveAttribute("href", "/privacy");
  await expect(menu(page).getByRole("link", { name: "로그인" })).toBeVisible();
});

test("an account that agreed to nothing yet (made from a shell, as an OAuth first sign-in) is asked once, then sent on", ONE_SIZE, async ({ page }) => {
  const email = freshEmail();
  const made = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user.ts", email], {
    env: { ...process.env, NEW_USER_PASSWORD: PASSWORD },
    encoding: "utf8",
  });
  expect(made.status, `${made.stdout}${made.stderr}`).toBe(0);
  await page.goto("/login?callbackUrl=%2Fcheckout%3Fproduct%3DPRO_PACK");
  await fillAndSubmit(page, "로그인", email, PASSWORD);

  await expect(page).toHaveURL(/\/consent\?callbackUrl=%2Fcheckout%3Fproduct%3DPRO_PACK$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "약관 동의" })).toBeVisible();
  await expectAccessible(page, "/consent");
  await page.getByRole("button", { name: "동의하고 계속하기" }).click();
  await expect(page.getByText("필수 항목에 모두 동의해 주세요.")).toBeVisible();
  await agreeToTerms(page);
  await page.getByRole("button", { name: "동의하고 계속하기" }).click();
  await expect(page).toHaveURL(/\/checkout\?product=PRO_PACK/, { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "결제하기" })).toBeEnabled();

  // Asked once: the next page that needs an account does not ask again.
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/orders$/);
});
