// A Vercel preview answers on two host names: the deployment's own URL and the branch URL a pull request
// links to. The production build, started as Vercel starts a preview (VERCEL=1, VERCEL_ENV=preview, no
// NEXT_PUBLIC_APP_URL or NEXTAUTH_URL), is reached under both through Chromium's host mapping; a tester
// signs up and pays on each and comes back from Toss's window signed in, on the host they started on.
import { chromium } from "@playwright/test";
import { freePort, startNextServer, untilUp, type NextServer } from "../helpers/next-server";
import { agreeToTerms, expect, PASSWORD, freshEmail, payWithWidget, test } from "./shop-fixtures";

const DEPLOYMENT = "shop-abc123-team.vercel.test";
const BRANCH = "shop-git-feature-team.vercel.test";

let server: NextServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const port = await freePort();
  server = startNextServer(port, {
    VERCEL: "1",
    VERCEL_ENV: "preview",
    VERCEL_URL: `${DEPLOYMENT}:${port}`,
    VERCEL_BRANCH_URL: `${BRANCH}:${port}`,
    NEXT_PUBLIC_APP_URL: undefined,
    NEXTAUTH_URL: undefined,
    TOSS_SANDBOX_ALLOW_PRODUCTION: undefined,
    // Server-to-server calls go to this very server; Vercel would use https://$VERCEL_URL.
    TOSS_API_BASE_URL: `http://127.0.0.1:${port}/sandbox/toss`,
    TOSS_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/toss`,
  });
  await untilUp(server);
});

test.afterAll(async () => {
  server?.stop();
  await server?.exited;
});

for (const host of [BRANCH, DEPLOYMENT]) {
  test(`a tester on ${host.split(".")[0]} signs up, pays and comes back there signed in`, async ({}, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "one device is enough for the host journey");
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: ["--headless", "--no-sandbox", "--disable-gpu", `--host-resolver-rules=MAP *.vercel.test 127.0.0.1`],
    });
    try {
      const page = await browser.newPage({
        locale: "ko-KR",
        timezoneId: "Asia/Seoul",
        viewport: { width: 412, height: 915 },
        // Sign-ups are limited per client address: this tester's own, as every e2e test has.
        extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` },
      });
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("console", (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && problems.push(m.text()));
      const origin = `http://${host}:${server.port}`;
      const onHost = () => expect(new URL(page.url()).host).toBe(`${host}:${server.port}`);

      const email = freshEmail();
      await page.goto(`${origin}/signup?callbackUrl=%2Fpricing`);
      await page.getByLabel("이메일").fill(email);
      await page.getByLabel("비밀번호").fill(PASSWORD);
      await agreeToTerms(page);
  await page.getByRole("button", { name: "가입하기" }).click();
      await expect(page.getByRole("navigation", { name: "주요 메뉴" }).getByText(email)).toBeVisible({ timeout: 30_000 });
      await expect(page).toHaveURL(`${origin}/pricing`);

      await page.getByRole("link", { name: "프로 팩 구매하기" }).click();
      await expect(page).toHaveURL(new RegExp(`^${origin.replace(/\./g, "\\.")}/checkout\\?product=PRO_PACK`));
      const orderId = await payWithWidget(page, testInfo, "카드", `checkout-${host.split(".")[0]}`);
      onHost();
      await page.getByRole("button", { name: "결제 승인" }).click();

      // Toss's window sends the buyer to the successUrl the order was made with: this host.
      await expect(page).toHaveURL(new RegExp(`^${origin.replace(/\./g, "\\.")}/checkout/success\\?`));
      await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();
      await expect(page.getByRole("region", { name: "결제 내역" })).toContainText(orderId);
      await expect(page.getByTestId("balance-after")).toHaveText("3개");
      await expect(page.getByRole("navigation", { name: "주요 메뉴" }).getByText(email)).toBeVisible();

      // next-auth's sign-out and sign-in keep the session on this host too.
      await page.getByRole("button", { name: "로그아웃" }).click();
      await expect(page.getByRole("navigation", { name: "주요 메뉴" }).getByText(email)).toBeHidden();
      await page.goto(`${origin}/login?callbackUrl=%2Faccount`);
      await page.getByLabel("이메일").fill(email);
      await page.getByLabel("비밀번호").fill(PASSWORD);
      await page.getByRole("button", { name: "로그인", exact: true }).click();
      await expect(page).toHaveURL(`${origin}/account`, { timeout: 30_000 });
      await expect(page.getByTestId("credit-balance")).toHaveText("3개");
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
}
