// 자동충전 on a shop configured for Toss's SDK v1 (TOSS_BILLING_SDK=v1), in a real browser against a server
// and database of its own (the "billing" station, scripts/lib/test-env.ts): a buyer registers a card in the
// sandbox's window through v1's requestBillingAuth('카드'), starts the monthly plan on a card that declines,
// and is told on the page and by e-mail (a real SMTP server); starts it again and is charged; turns on the
// threshold top-up and sees a spend refill the balance; then, the next
// charge three days off, the reconcile cron tells them it is coming, and the e-mail's one-click cancel link
// ends the plan. (SDK v2 and the threshold top-up: tests/e2e/auto-charge.spec.ts.)
import pg from "pg";
import { stationEnv, STATIONS, TEST_CONSOLE_TOKEN } from "../../scripts/lib/test-env";
import { mailsTo, waitForMails } from "../helpers/mail";
import { startNextServer, untilUp, type NextServer } from "../helpers/next-server";
import { expectAccessible } from "./axe";
import { expect, signUp, snap, test } from "./shop-fixtures";
import { ONE_SIZE } from "./sizes";

let server: NextServer;
let database: pg.Client;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: `http://127.0.0.1:${STATIONS.billing.port}` });

test.beforeAll(async () => {
  const env = stationEnv("billing", process.env.DATABASE_URL);
  server = startNextServer(STATIONS.billing.port, { ...env, TOSS_BILLING_SDK: "v1" });
  database = new pg.Client({ connectionString: env.DATABASE_URL });
  await Promise.all([untilUp(server, "/api/health"), database.connect()]);
});

test.afterAll(async () => {
  await database?.end();
  server?.stop();
  await server?.exited;
});

async function billingKeyOf(email: string): Promise<string> {
  const { rows } = await database.query<{ billingKey: string }>(
    `SELECT c."billingKey" FROM "BillingCard" c JOIN "User" u ON u."id" = c."userId" WHERE u."email" = $1 AND c."status" = 'ACTIVE'`,
    [email],
  );
  return rows[0]!.billingKey;
}

test("SDK v1: a buyer saves a card, is told of a declined plan charge on the page and by e-mail, restarts it, sees the top-up refill the balance, and ends the plan from the coming charge's e-mail", ONE_SIZE, async ({ page, request }, testInfo) => {
  const email = await signUp(page, "/account");
  await page.goto("/account");
  const section = page.getByRole("region", { name: "자동충전 (정기 충전)" });
  await section.getByRole("button", { name: "카드 등록하기" }).click();
  await expect(page).toHaveURL(/\/sandbox\/toss\/billing-auth\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: "토스페이먼츠 카드 등록" })).toBeVisible();
  await page.getByRole("button", { name: "카드 등록" }).click();
  await expect(page).toHaveURL(/\/account\?card=saved$/);
  await expect(section.getByTestId("saved-card")).toContainText("*");

  // The card will refuse the next charge (the sandbox console's switch, as a tester would set it).
  const billingKey = await billingKeyOf(email);
  const refused = await request.post(`/sandbox/toss/console/api/billing-keys/${encodeURIComponent(billingKey)}/next-charge`, {
    headers: { authorization: `Bearer ${TEST_CONSOLE_TOKEN}` },
    data: { nextCharge: "REJECT_CARD_PAYMENT" },
  });
  expect(refused.status()).toBe(200);

  const planForm = section.getByRole("form", { name: "정기 충전" });
  await planForm.getByRole("radio", { name: /프로 팩/ }).check();
  await planForm.getByLabel("매월 결제일").selectOption("10");
  await expect(section.getByTestId("billing-agreement")).toContainText("3일 전에");
  await planForm.getByLabel(/자동결제에 동의해요/).check();
  await planForm.getByRole("button", { name: "동의하고 정기 충전 시작" }).click();

  // Declined: nothing granted, the plan stopped with the reason, a notice on the page and an e-mail.
  await expect(section.getByTestId("credit-plan")).toContainText("중지됨");
  await expect(page.getByTestId("credit-balance")).toHaveText("0개");
  const notices = page.getByRole("region", { name: "알림" });
  await expect(notices.getByTestId("notice")).toContainText("정기 충전 결제가 거절되었어요");
  const [declined] = await waitForMails(email);
  expect(declined!.subject).toContain("정기 충전 결제가 거절되었어요");
  await expect(section.getByTestId("automatic-charges")).toContainText("결제 거절");
  await snap(page, testInfo, "plan-declined");
  await expectAccessible(page, "the account page with a declined plan's notice");
  await notices.getByRole("button", { name: /알림 확인/ }).click();
  await expect(page.getByRole("region", { name: "알림" })).toHaveCount(0);

  // Started again: the switch was for one charge, so this one is paid.
  await planForm.getByLabel(/자동결제에 동의해요/).check();
  await planForm.getByRole("button", { name: "동의하고 정기 충전 시작" }).click();
  await expect(page.getByTestId("credit-balance")).toHaveText("3개");
  await expect(section.getByTestId("credit-plan")).toContainText("사용 중");

  // The threshold top-up on the same v1-registered card: a premium generation leaves 2, under 3, and a pack
  // is bought after the answer.
  const topUpForm = section.getByRole("form", { name: "잔액 기준 자동충전" });
  await topUpForm.getByLabel("잔액이").fill("3");
  await topUpForm.getByLabel("자동 구매할 팩").selectOption({ label: "프로 팩" });
  await topUpForm.getByLabel(/자동결제에 동의해요/).check();
  await topUpForm.getByRole("button", { name: "동의하고 자동충전 켜기" }).click();
  await expect(section.getByTestId("auto-top-up")).toContainText("사용 중");
  await page.getByLabel("만들 주제").fill("v1 자동충전 확인");
  await page.getByRole("button", { name: /프리미엄 생성/ }).click();
  await expect(page.getByTestId("credit-balance")).toHaveText("2개");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("credit-balance")).toHaveText("5개", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The next charge is two days off: the cron tells the buyer, on the page and by e-mail, once.
  await database.query(`UPDATE "CreditPlan" SET "nextChargeAt" = now() + interval '2 days' WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = $1)`, [email]);
  for (let run = 0; run < 2; run++) {
    const cron = await request.get("/api/cron/reconcile", { headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } });
    expect(cron.status()).toBe(200);
  }
  await page.reload();
  await expect(page.getByRole("region", { name: "알림" }).getByTestId("notice")).toContainText("정기 충전 결제 예정 안내");
  const mails = await waitForMails(email, 2);
  const upcoming = mails[1]!;
  expect(upcoming.subject).toContain("정기 충전 결제 예정 안내");
  expect(upcoming.text).toContain("3,000원");
  const link = /(https?:\/\/\S+\/billing\/cancel\/\S+)/.exec(upcoming.text ?? "")?.[1];
  expect(link, upcoming.text).toBeDefined();

  // The e-mail's link, in a browser that is not signed in: one button ends the plan.
  const stranger = await page.context().browser()!.newPage({ locale: "ko-KR" });
  try {
    await stranger.goto(link!);
    await expect(stranger.getByRole("heading", { name: "정기 충전을 해지할까요?" })).toBeVisible();
    await expect(stranger.getByText("매월 10일")).toBeVisible();
    await expectAccessible(stranger, "the one-click cancel page");
    await stranger.getByRole("button", { name: "정기 충전 해지하기" }).click();
    await expect(stranger.getByRole("status")).toHaveText("정기 충전을 해지했어요. 다음 결제일부터 결제되지 않아요.");
    await snap(stranger, testInfo, "canceled-from-link");
  } finally {
    await stranger.close();
  }
  await page.reload();
  await expect(section.getByTestId("credit-plan")).toContainText("해지됨");
  expect(await mailsTo(email)).toHaveLength(2);
});
