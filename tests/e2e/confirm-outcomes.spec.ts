// What the success page does when Toss's confirm does not simply say yes: an answer that does not come
// in time (the buyer sees a calm "확인 중" and the page settles by itself, from the server's look-up or
// its next ask) and a refusal at confirm time (the
// reason, and a retry that pays the same order). The sandbox's per-payment "next confirm" flag makes
// exactly this payment's confirm behave so, without touching other tests' payments.
import type { Page } from "@playwright/test";
import { TEST_CONSOLE_TOKEN } from "../../scripts/lib/test-env";
import { expect, orderStatus, payWithWidget, signUp, snap, startPurchase, test } from "./shop-fixtures";
import { ONE_SIZE } from "./sizes";

async function setNextConfirm(page: Page, orderId: string, body: Record<string, unknown>) {
  const response = await page.request.post(`/sandbox/toss/console/api/payments/${orderId}/next-confirm`, {
    data: body,
    headers: { Authorization: `Bearer ${TEST_CONSOLE_TOKEN}` },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

test("a confirm whose answer is late shows 확인 중, then settles without the buyer doing anything", ONE_SIZE, async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await signUp(page);
  const orderId = await startPurchase(page, testInfo, "PRO_PACK", "카드");
  // Toss approves but answers after 12 s: longer than our 10 s timeout, so the first confirm's outcome is unknown.
  await setNextConfirm(page, orderId, { nextConfirm: "timeout", delayMs: 12_000 });
  await page.getByRole("button", { name: "결제 승인" }).click();

  // While Toss is silent the buyer sees a calm waiting state (never an error), and is told it takes a while.
  await expect(page).toHaveURL(/\/checkout\/success\?/);
  await expect(page.getByRole("heading", { name: /결제를 확인/ })).toBeVisible();
  await expect(page.getByText("결제사 응답을 기다리고 있어요", { exact: false })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await snap(page, testInfo, "success-processing");
  await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId("balance-after")).toHaveText("3개");
  await snap(page, testInfo, "success-after-processing");
  expect(await orderStatus(page, orderId)).toBe("PAID");
});

test("a refusal at confirm time explains it and a retry pays the same order", ONE_SIZE, async ({ page }, testInfo) => {
  await signUp(page);
  const orderId = await startPurchase(page, testInfo, "PRO_PACK", "카드");
  await setNextConfirm(page, orderId, { nextConfirm: "EXCEED_MAX_AMOUNT" });
  await page.getByRole("button", { name: "결제 승인" }).click();

  await expect(page.getByRole("heading", { name: "결제를 완료하지 못했어요" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("main").getByRole("alert")).toContainText("결제 한도를 넘었어요");
  await snap(page, testInfo, "success-refused");
  expect(await orderStatus(page, orderId)).toBe("PENDING");

  await page.getByRole("link", { name: "다시 시도" }).click();
  expect(await payWithWidget(page, testInfo, "카드", "checkout-retry")).toBe(orderId);
  await page.getByRole("button", { name: "결제 승인" }).click();
  await expect(page.getByTestId("balance-after")).toHaveText("3개", { timeout: 20_000 });
  expect(await orderStatus(page, orderId)).toBe("PAID");
});
