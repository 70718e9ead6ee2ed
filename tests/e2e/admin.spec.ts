// The operator console in a browser, phone and desktop: a buyer pays; the operator (ADMIN_EMAILS) finds
// the order by the buyer's e-mail and its kind, opens it and refunds part of it with a reason; axe on every page.
import { spawnSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { TEST_OPERATOR } from "../../scripts/lib/test-env";
import { expectAccessible } from "./axe";
import { expect, payWithWidget, signUp, snap, test } from "./shop-fixtures";

const OPERATOR_PASSWORD = "correct horse battery";

/** `npm run user:create` as an operator's account is made: sign-up refuses ADMIN_EMAILS addresses. */
function userCreate(args: string[]): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user.ts", ...args], {
    env: { ...process.env, NEW_USER_PASSWORD: OPERATOR_PASSWORD },
    encoding: "utf8",
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

test.beforeAll(() => {
  // Made here, or earlier (vitest, the other project): then its password is set to ours.
  const created = userCreate([TEST_OPERATOR]);
  if (created.code !== 0) {
    const reset = userCreate([TEST_OPERATOR, "--reset-password"]);
    expect(reset.code, `${created.output}\n${reset.output}`).toBe(0);
  }
});

/** Whether the admin dashboard appears within `timeout` ms. */
const dashboardShown = (page: Page, timeout: number) =>
  page
    .getByRole("heading", { name: "대시보드" })
    .waitFor({ timeout })
    .then(() => true, () => false);

async function signInAsOperator(page: Page) {
  await page.goto("/login?callbackUrl=%2Fadmin");
  await page.getByLabel("이메일").fill(TEST_OPERATOR);
  await page.getByLabel("비밀번호").fill(OPERATOR_PASSWORD);
  await page.getByRole("button", { name: "로그인" }).click();
  expect(await dashboardShown(page, 20_000), "the operator's dashboard after signing in").toBe(true);
}

test("an operator finds a buyer's order, reads it and refunds part of it", async ({ page }, testInfo) => {
  const buyerEmail = await signUp(page);
  await page.goto("/checkout?product=PREMIUM_PACK");
  const orderId = await payWithWidget(page, testInfo, "카드", "admin-checkout");
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();

  // The buyer gets the same 404 as any unknown page.
  expect((await page.goto("/admin"))?.status()).toBe(404);

  await page.context().clearCookies();
  await signInAsOperator(page);
  await expectAccessible(page, "admin dashboard");
  await snap(page, testInfo, "admin-dashboard");

  const search = page.getByRole("search", { name: "주문 검색" });
  await search.getByLabel("주문번호, paymentKey 또는 구매자 이메일").fill(buyerEmail);
  await search.getByLabel("주문 종류").selectOption({ label: "결제창 구매" });
  await search.getByLabel("주문번호, paymentKey 또는 구매자 이메일").press("Enter");
  await expect(page).toHaveURL(/\/admin\/orders\?q=.*&kind=CHECKOUT$/);
  await expect(page.getByRole("heading", { name: /결제창 구매 검색 결과 1건/ })).toBeVisible();
  await expectAccessible(page, "admin search");

  await page.getByRole("link", { name: new RegExp(orderId) }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/orders/${orderId}$`));
  await expect(page.getByRole("heading", { name: "이벤트 기록", exact: false })).toBeVisible();
  // A checkout buyer without a saved card: the console says so (no switches to turn anything off).
  await expect(page.getByTestId("buyer-card")).toContainText("없음");
  await expectAccessible(page, "admin order detail");

  const refund = page.getByRole("form", { name: "환불" });
  await refund.getByRole("radio", { name: "부분 환불(금액 지정)" }).check();
  await refund.getByRole("button", { name: "부분 환불하기" }).click();
  // A reason and an amount are required: the server says so, and focus goes to the first bad field.
  await expect(refund.getByText("환불 금액을 숫자로 입력해 주세요.")).toBeVisible();
  await refund.getByLabel("환불 금액(원)").fill("2000");
  await refund.getByLabel("사유 (필수)").fill("구매자 요청: 일부 환불");
  await refund.getByRole("button", { name: "부분 환불하기" }).click();
  await expect(refund.getByText("환불했어요.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("부분 취소", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`${TEST_OPERATOR} · 사유: 구매자 요청: 일부 환불`)).toBeVisible();
  await expect(page.getByTestId("buyer-balance")).toContainText("3개");
  await expectAccessible(page, "admin order detail after a partial refund");
  await snap(page, testInfo, "admin-partial-refund");
});
