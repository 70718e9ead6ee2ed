// The monthly credit plan (issue #23) against real PostgreSQL and the sandbox: the first month charged at
// the start, the next due on the chosen day of the next Seoul month, one charge per month however many
// cron runs race, a declined card that stops the plan with its reason, and a pause.
import { describe, expect, it } from "vitest";
import { BILLING_AGREEMENT_VERSION } from "@/lib/billing/agreement";
import { saveRegisteredCard } from "@/lib/billing/cards";
import { budgetFrom, chargeDuePlans, chargePlan, nextMonthlyCharge, planChargeKey, seoulMonth, setPlanStatus, startPlan, upcomingMonthlyCharge } from "@/lib/billing/plan";
import { getBalance } from "@/lib/credits/lots";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "../../helpers/factories";
import { registeredCard } from "../../helpers/toss-billing";
import { basicAuth, consoleApi, type Merchant } from "../../helpers/toss-sandbox";

function appBillingMerchant(): Merchant {
  const keys = env.tossBilling!;
  return { id: "docs", clientKey: keys.clientKey, secretKey: keys.secretKey, authorization: basicAuth(keys.secretKey) };
}

async function userWithCard() {
  const user = await createUser();
  const card = await registeredCard(appBillingMerchant(), { customerKey: user.customerKey });
  const view = await saveRegisteredCard(user.id, card);
  return { user, cardId: view.id };
}

const agreed = (chargeDay = 5, productCode = "PRO_PACK") => ({ productCode, chargeDay, agreementVersion: BILLING_AGREEMENT_VERSION });

describe("plan dates", () => {
  it("falls due at 00:00 KST on the charge day of the next Seoul month", () => {
    expect(nextMonthlyCharge(new Date("2026-12-20T03:00:00Z"), 5).toISOString()).toBe("2027-01-04T15:00:00.000Z");
    // 12월 31일 23:30 KST is still December in Seoul, though January has begun nowhere else yet either.
    expect(nextMonthlyCharge(new Date("2026-12-31T14:30:00Z"), 28).toISOString()).toBe("2027-01-27T15:00:00.000Z");
    // 1월 1일 00:30 KST is January in Seoul (still 12월 31일 in UTC).
    expect(seoulMonth(new Date("2026-12-31T15:30:00Z"))).toBe("2027-01");
    expect(nextMonthlyCharge(new Date("2026-12-31T15:30:00Z"), 1).toISOString()).toBe("2027-01-31T15:00:00.000Z");
  });
});

describe("the coming charge day", () => {
  it("is this Seoul month's charge day while it is ahead, else next month's", () => {
    // 12월 3일 10:00 KST: the 5th is ahead; the 3rd (00:00 today) has passed.
    const now = new Date("2026-12-03T01:00:00Z");
    expect(upcomingMonthlyCharge(now, 5).toISOString()).toBe("2026-12-04T15:00:00.000Z");
    expect(upcomingMonthlyCharge(now, 3).toISOString()).toBe("2027-01-02T15:00:00.000Z");
    expect(upcomingMonthlyCharge(now, 1).toISOString()).toBe("2026-12-31T15:00:00.000Z");
  });
});

describe("the monthly plan", () => {
  it("charges the first month at the start, then falls due on the chosen day of the next month", async () => {
    const { user } = await userWithCard();
    const now = new Date();
    const { plan, first } = await startPlan(user.id, agreed(5), now);
    expect(first).toBe("paid");
    expect(await getBalance(user.id)).toBe(3);
    expect(plan).toMatchObject({ status: "ACTIVE", chargeDay: 5, agreementVersion: BILLING_AGREEMENT_VERSION });
    expect(plan.nextChargeAt.toISOString()).toBe(nextMonthlyCharge(now, 5).toISOString());
    const orders = await db.order.findMany({ where: { userId: user.id } });
    expect(orders).toMatchObject([{ kind: "PLAN", status: "PAID", chargeKey: planChargeKey(plan, now) }]);

    // Restarted the same month (say after a pause was ended and begun again): this month is not charged twice.
    const again = await startPlan(user.id, agreed(5), new Date());
    expect(again.first).toBeNull();
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
  });

  it("charges a due month once, however many cron runs race, and moves the due date one month on", async () => {
    const { user } = await userWithCard();
    const { plan } = await startPlan(user.id, agreed(12));
    // A month on: the first charge belongs to last month, and this month's is due.
    const lastMonth = new Date(Date.now() - 32 * 86_400_000);
    await db.order.updateMany({ where: { userId: user.id }, data: { chargeKey: planChargeKey(plan, lastMonth) } });
    const due = new Date(Date.now() - 60_000);
    await db.creditPlan.update({ where: { userId: user.id }, data: { nextChargeAt: due } });
    await Promise.all(Array.from({ length: 5 }, () => chargeDuePlans()));
    // Another file's cron run may have charged it too: either way, once.
    const after = await db.creditPlan.findUniqueOrThrow({ where: { userId: user.id } });
    expect(after.nextChargeAt.toISOString()).toBe(nextMonthlyCharge(due, 12).toISOString());
    const orders = await db.order.findMany({ where: { userId: user.id, kind: "PLAN" }, orderBy: { createdAt: "asc" } });
    expect(orders.map((o) => [o.status, o.chargeKey])).toEqual([
      ["PAID", planChargeKey(plan, lastMonth)],
      ["PAID", planChargeKey(plan, due)],
    ]);
    expect(await getBalance(user.id)).toBe(6);
    // Charging the same due date again does nothing.
    expect(await chargePlan({ ...after, nextChargeAt: due })).toBe("paid");
    expect(await db.order.count({ where: { userId: user.id } })).toBe(2);
  });

  it("stops with the card's reason when a charge is declined, granting nothing", async () => {
    const { user, cardId } = await userWithCard();
    const card = await db.billingCard.findUniqueOrThrow({ where: { id: cardId } });
    await consoleApi("POST", `/billing-keys/${encodeURIComponent(card.billingKey)}/next-charge`, { nextCharge: "REJECT_CARD_PAYMENT" });
    const { plan, first } = await startPlan(user.id, agreed(3, "PREMIUM_PACK"));
    expect(first).toBe("declined");
    expect(plan).toMatchObject({ status: "DISABLED", failureCode: "REJECT_CARD_PAYMENT", failureMessage: expect.stringContaining("실패") });
    expect(await getBalance(user.id)).toBe(0);
    // A disabled plan is not charged by the cron.
    await db.creditPlan.update({ where: { userId: user.id }, data: { nextChargeAt: new Date(Date.now() - 60_000) } });
    await chargeDuePlans();
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
  });

  it("resumed after its due date, is not charged at once nor for the paused months, but on its coming day", async () => {
    const { user } = await userWithCard();
    await startPlan(user.id, agreed(6));
    await setPlanStatus(user.id, "PAUSED");
    // Paused across three months' charge days.
    const longAgo = new Date(Date.now() - 80 * 86_400_000);
    await db.creditPlan.update({ where: { userId: user.id }, data: { nextChargeAt: longAgo } });
    const resumed = await setPlanStatus(user.id, "ACTIVE");
    expect(resumed.status).toBe("ACTIVE");
    expect(resumed.nextChargeAt.toISOString()).toBe(upcomingMonthlyCharge(new Date(), 6).toISOString());
    expect(resumed.nextChargeAt.getTime()).toBeGreaterThan(Date.now());
    await chargeDuePlans();
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
  });

  it("found due months late (the cron was down), charges once and goes on from the coming day", async () => {
    const { user } = await userWithCard();
    const { plan } = await startPlan(user.id, agreed(8));
    const lastMonth = new Date(Date.now() - 100 * 86_400_000);
    await db.order.updateMany({ where: { userId: user.id }, data: { chargeKey: planChargeKey(plan, lastMonth) } });
    const due = new Date(Date.now() - 70 * 86_400_000);
    await db.creditPlan.update({ where: { userId: user.id }, data: { nextChargeAt: due } });
    expect(await chargePlan({ ...plan, nextChargeAt: due })).toBe("paid");
    const after = await db.creditPlan.findUniqueOrThrow({ where: { userId: user.id } });
    expect(after.nextChargeAt.toISOString()).toBe(upcomingMonthlyCharge(new Date(), 8).toISOString());
    await chargeDuePlans();
    expect(await db.order.count({ where: { userId: user.id, kind: "PLAN" } })).toBe(2);
  });

  it("starts no charge once the run's budget is spent, and says how many it left for the next run", async () => {
    const { user } = await userWithCard();
    await startPlan(user.id, agreed(9));
    await db.order.updateMany({ where: { userId: user.id }, data: { chargeKey: `plan:${user.id}:budget:${Date.now()}` } });
    // Due long ago (the most overdue first: this run would take it before any other file's).
    await db.creditPlan.update({ where: { userId: user.id }, data: { nextChargeAt: new Date("2020-01-01T00:00:00Z") } });
    let t = 1_000;
    const spent = budgetFrom(0, 500, () => t);
    const report = await chargeDuePlans(new Date(), spent);
    expect(report).toMatchObject({ paid: 0, declined: 0, pending: 0 });
    expect(report.left).toBeGreaterThanOrEqual(1);
    // With budget left, the step charges it (once, even if another file's cron run takes it first).
    t = 0;
    await chargeDuePlans(new Date(), spent);
    await chargeDuePlans(new Date());
    expect(await db.order.count({ where: { userId: user.id, status: "PAID" } })).toBe(2);
  });

  it("is not charged while paused, refuses an outdated agreement, and needs a card", async () => {
    const { user } = await userWithCard();
    await expect(startPlan(user.id, { ...agreed(), agreementVersion: "2020-01-01" })).rejects.toMatchObject({ code: "AGREEMENT_OUTDATED", status: 409 });
    await expect(startPlan(user.id, agreed(29))).rejects.toMatchObject({ status: 400 });
    const cardless = await createUser();
    await expect(startPlan(cardless.id, agreed())).rejects.toMatchObject({ code: "NO_SAVED_CARD" });

    await startPlan(user.id, agreed(20));
    await setPlanStatus(user.id, "PAUSED");
    await db.creditPlan.update({ where: { userId: user.id }, data: { nextChargeAt: new Date(Date.now() - 60_000) } });
    await chargeDuePlans();
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
    expect((await setPlanStatus(user.id, "CANCELED")).status).toBe("CANCELED");
    await expect(setPlanStatus(user.id, "PAUSED")).rejects.toMatchObject({ code: "PLAN_STATUS" });
  });
});
