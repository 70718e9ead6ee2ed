// 자동충전 in a real browser: a buyer registers a card in the sandbox's registration window through Toss's
// SDK v2 (requestBillingAuth), agrees to the monthly plan, gets the first month's credits at once, turns on
// the threshold top-up and sees a spend refill the balance, pauses the plan, and removes the card, which
// ends both. (SDK v1's window: tests/e2e/sandbox-billing.spec.ts.)
import { expect, signUp, snap, test } from "./shop-fixtures";
import { ONE_SIZE } from "./sizes";

test("a buyer saves a card, starts the monthly plan, gets the first month's credits, turns on the top-up and sees a spend refill the balance, changes the plan and the card, pauses and removes the card", ONE_SIZE, async ({ page }, testInfo) => {
  await signUp(page, "/account");
  await page.goto("/account");
  const section = page.getByRole("region", { name: "자동충전 (정기 충전)" });
  // Before the first registration: registering charges nothing; a charge needs the agreement to come.
  await expect(section.getByTestId("before-registration")).toContainText("카드를 등록하는 것만으로는 결제되지 않아요.");
  await section.getByRole("button", { name: "카드 등록하기" }).click();

  await expect(page).toHaveURL(/\/sandbox\/toss\/billing-auth\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: "토스페이먼츠 카드 등록" })).toBeVisible();
  await page.getByRole("button", { name: "카드 등록" }).click();

  await expect(page).toHaveURL(/\/account\?card=saved$/);
  await expect(section.getByTestId("saved-card")).toContainText("*");
  await snap(page, testInfo, "card-saved");

  // The agreement says what, when, by whom and how to stop; it must be ticked.
  const planForm = section.getByRole("form", { name: "정기 충전" });
  await planForm.getByRole("radio", { name: /프로 팩/ }).check();
  await planForm.getByLabel("매월 결제일").selectOption("15");
  await expect(section.getByTestId("billing-agreement")).toContainText("매월 15일");
  await expect(section.getByTestId("billing-agreement")).toContainText("3,000원");
  // Unticked, the browser does not send the form (and the server action refuses it anyway).
  const agree = planForm.getByLabel(/자동결제에 동의해요/);
  await expect(agree).toHaveAttribute("required", "");
  await planForm.getByRole("button", { name: "동의하고 정기 충전 시작" }).click();
  await expect(page.getByTestId("credit-balance")).toHaveText("0개");
  await agree.check();
  await planForm.getByRole("button", { name: "동의하고 정기 충전 시작" }).click();

  await expect(page.getByTestId("credit-balance")).toHaveText("3개");
  await expect(section.getByTestId("credit-plan")).toContainText("매월 15일");
  await expect(section.getByTestId("credit-plan")).toContainText("사용 중");
  await snap(page, testInfo, "plan-started");

  // The threshold top-up (on in the test environment): under 3 credits, a PRO pack is bought.
  const topUpForm = section.getByRole("form", { name: "잔액 기준 자동충전" });
  await topUpForm.getByLabel("잔액이").fill("3");
  await topUpForm.getByLabel("자동 구매할 팩").selectOption({ label: "프로 팩" });
  await expect(section.getByTestId("top-up-agreement")).toContainText("3크레딧 아래로");
  await topUpForm.getByLabel(/자동결제에 동의해요/).check();
  await topUpForm.getByRole("button", { name: "동의하고 자동충전 켜기" }).click();
  await expect(section.getByTestId("auto-top-up")).toContainText("사용 중");

  // A premium generation spends 1 credit: 2 left, under 3, so the top-up buys a pack after the answer.
  await page.getByLabel("만들 주제").fill("자동충전 확인");
  await page.getByRole("button", { name: /프리미엄 생성/ }).click();
  await expect(page.getByTestId("credit-balance")).toHaveText("2개");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("credit-balance")).toHaveText("5개", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // Changing the plan: a new agreement, no second charge this month, the next on the new day.
  await section.getByText("정기 충전 바꾸기 (팩, 결제일)").click();
  const change = section.getByRole("form", { name: "정기 충전 변경" });
  await change.getByRole("radio", { name: /프리미엄 팩/ }).check();
  await change.getByLabel("매월 결제일").selectOption("20");
  await expect(change.getByTestId("billing-agreement")).toContainText("이번 달 결제는 이미 끝나서 다음 달 20일부터 결제해요.");
  await change.getByLabel(/자동결제에 동의해요/).check();
  await change.getByRole("button", { name: "동의하고 정기 충전 변경" }).click();
  await expect(section.getByTestId("credit-plan")).toContainText("프리미엄 팩 · 매월 20일");
  await expect(page.getByTestId("credit-balance")).toHaveText("5개");

  // Another card: registered the same way, it replaces the first and the plan goes on with it.
  await section.getByText("다른 카드로 바꾸기").click();
  await section.getByRole("button", { name: "새 카드 등록하기" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/billing-auth\/[^/?]+$/);
  await page.getByRole("button", { name: "카드 등록" }).click();
  await expect(page).toHaveURL(/\/account\?card=saved$/);
  await expect(section.getByTestId("credit-plan")).toContainText("사용 중");

  await section.getByRole("button", { name: "정기 충전 멈추기" }).click();
  await expect(section.getByTestId("credit-plan")).toContainText("멈춤");
  await section.getByRole("button", { name: "카드 삭제" }).click();
  await expect(section.getByRole("button", { name: "카드 등록하기" })).toBeVisible();
  await expect(section.getByTestId("credit-plan")).toContainText("해지됨");
  await expect(section.getByTestId("auto-top-up")).toHaveCount(0);
});
