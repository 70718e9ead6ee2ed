// Threshold auto top-up (issue #23; AUTO_TOP_UP_ENABLED is on in the test environment): 50 spends racing
// across the threshold charge once, a declined card stops it and grants nothing, the daily cap holds, and
// a spend over HTTP tops the balance up after its answer.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BILLING_AGREEMENT_VERSION } from "@/lib/billing/agreement";
import { saveRegisteredCard } from "@/lib/billing/cards";
import { chargeSavedCard } from "@/lib/billing/charge-saved-card";
import { budgetFrom } from "@/lib/billing/plan";
import { startTopUp, topUpIfBelow, topUpsLeftBehind } from "@/lib/billing/top-up";
import { grantOrderCredits } from "@/lib/credits/ledger";
import { getBalance } from "@/lib/credits/lots";
import { spendCredits } from "@/lib/credits/spend-credits";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { kstDay } from "@/lib/kst";
import { createOrder } from "../../helpers/factories";
import { signedInBuyer } from "../../helpers/http";
import { registeredCard } from "../../helpers/toss-billing";
import { basicAuth, consoleApi, waitFor, type Merchant } from "../../helpers/toss-sandbox";

function appBillingMerchant(): Merchant {
  const keys = env.tossBilling!;
  return { id: "docs", clientKey: keys.clientKey, secretKey: keys.secretKey, authorization: basicAuth(keys.secretKey) };
}

/** A signed-in buyer with a saved card, a pack of `productCode` and a threshold top-up of PRO_PACK. */
async function buyerWithTopUp(thresholdCredits: number, productCode = "PREMIUM_PACK") {
  const buyer = await signedInBuyer();
  const user = await db.user.findUniqueOrThrow({ where: { id: buyer.userId } });
  const card = await registeredCard(appBillingMerchant(), { customerKey: user.customerKey });
  const view = await saveRegisteredCard(user.id, card);
  const order = await createOrder(user.id, productCode);
  await db.$transaction((tx) => grantOrderCredits(tx, order));
  await startTopUp(user.id, { productCode: "PRO_PACK", thresholdCredits, agreementVersion: BILLING_AGREEMENT_VERSION });
  return { buyer, user, cardId: view.id };
}

const spend = (userId: string, amount = 1) => spendCredits({ userId, amount, idempotencyKey: `k-${randomUUID()}`, reason: "job" });

describe("threshold auto top-up", () => {
  it("charges once when 50 spends race across the threshold", async () => {
    const { user } = await buyerWithTopUp(3);
    // 5 credits, threshold 3: 50 spends of 1 race (5 are served), then every one of them asks for the top-up
    // at once, as their after() callbacks would.
    const spends = await Promise.allSettled(Array.from({ length: 50 }, () => spend(user.id)));
    const served = spends.filter((r) => r.status === "fulfilled").map((r) => r.value.spend.balanceAfter);
    expect(served).toHaveLength(5);
    const outcomes = await Promise.all(spends.map(() => topUpIfBelow(user.id)));
    expect(outcomes.filter((o) => o === "paid").length).toBeGreaterThanOrEqual(1);
    // Each found the one crossing (paid, or still in the works), or, once the refill had settled, the
    // balance above the threshold: never a second crossing.
    expect(outcomes.filter((o) => o !== "paid" && o !== "pending" && o !== "above")).toEqual([]);
    const topUps = await db.order.findMany({ where: { userId: user.id, kind: "TOP_UP" } });
    expect(topUps.map((o) => o.status)).toEqual(["PAID"]);
    // 5 spent (the rest refused for want of credits), +3 from the one top-up.
    expect(await getBalance(user.id)).toBe(3);
    expect(await db.creditLot.count({ where: { userId: user.id, order: { kind: "TOP_UP" } } })).toBe(1);
  });

  it("stops with the card's reason when the top-up is declined, granting nothing, and never charges that crossing again", async () => {
    const { user, cardId } = await buyerWithTopUp(5, "PRO_PACK");
    const card = await db.billingCard.findUniqueOrThrow({ where: { id: cardId } });
    await consoleApi("POST", `/billing-keys/${encodeURIComponent(card.billingKey)}/next-charge`, { nextCharge: "INVALID_STOPPED_CARD" });
    const { spend: done } = await spend(user.id);
    expect(done.balanceAfter).toBe(2);
    expect(await topUpIfBelow(user.id)).toBe("declined");
    expect(await db.autoTopUp.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "DISABLED", failureCode: "INVALID_STOPPED_CARD" });
    expect(await getBalance(user.id)).toBe(2);
    const { spend: next } = await spend(user.id);
    expect(next.balanceAfter).toBe(1);
    expect(await topUpIfBelow(user.id)).toBe("off");
    expect(await db.order.count({ where: { userId: user.id, kind: "TOP_UP" } })).toBe(1);
  });

  it("stops at the daily cap", async () => {
    // A threshold above what a PRO pack brings: every top-up leaves the balance under it.
    const { user } = await buyerWithTopUp(100, "PRO_PACK");
    const results: string[] = [];
    for (let i = 0; i < env.autoTopUp.dailyCap + 2; i++) results.push(await topUpIfBelow(user.id));
    expect(results).toEqual([...Array.from({ length: env.autoTopUp.dailyCap }, () => "paid"), "capped", "capped"]);
    expect(await db.order.count({ where: { userId: user.id, kind: "TOP_UP", status: "PAID" } })).toBe(env.autoTopUp.dailyCap);
  });

  it("makes no more top-ups in a Seoul day than the cap, however many race, each numbered in the database", async () => {
    const { user } = await buyerWithTopUp(100, "PRO_PACK");
    const cap = 2;
    const keys = Array.from({ length: 8 }, () => `topup:${user.id}:race:${randomUUID()}`);
    const ask = (chargeKey: string) => chargeSavedCard({ userId: user.id, productCode: "PRO_PACK", kind: "TOP_UP", chargeKey, dailyCap: cap });
    // Waves of 8 distinct crossings at once (one in flight per user at a time; the rest are busy and ask again).
    const outcomes: string[] = [];
    for (let wave = 0; wave < 6; wave++) outcomes.push(...(await Promise.all(keys.map(ask))).map((o) => o.kind));
    const orders = await db.order.findMany({ where: { userId: user.id, kind: "TOP_UP" }, orderBy: { topUpSlot: "asc" } });
    expect(orders.map((o) => [o.status, o.topUpSlot, o.topUpDay?.toISOString().slice(0, 10)])).toEqual([
      ["PAID", 1, kstDay(new Date())],
      ["PAID", 2, kstDay(new Date())],
    ]);
    expect(outcomes).toContain("capped");
    expect(outcomes.filter((o) => !["paid", "capped", "busy", "in_flight"].includes(o))).toEqual([]);
    expect(await getBalance(user.id)).toBe(3 + 2 * 3);

    // Two inserts that took the same number: the database refuses the second (the unique day and number).
    await expect(
      db.order.create({
        data: { orderId: `dup-${randomUUID()}`, userId: user.id, productCode: "PRO_PACK", orderName: "프로 팩", amount: 3000, credits: 3, kind: "TOP_UP", topUpDay: orders[0]!.topUpDay, topUpSlot: 2 },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("is caught up by the cron when the spend's after() never ran: once, however many runs race; not above the threshold, nor too soon", async () => {
    // 5 credits each. The first buyer spends 3 with no after() (its function was stopped after the answer)
    // a minute ago: 2 left, under their threshold of 3. The second spent as much just now (their spend's
    // own top-up may still be running: the cron leaves them be). The third is above their threshold.
    const { user } = await buyerWithTopUp(3);
    for (let i = 0; i < 3; i++) await spend(user.id);
    // (The top-up began before those spends: two minutes ago.)
    await db.autoTopUp.update({ where: { userId: user.id }, data: { agreedAt: new Date(Date.now() - 120_000) } });
    await db.creditSpend.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    const recent = await buyerWithTopUp(3);
    for (let i = 0; i < 3; i++) await spend(recent.user.id);
    const above = await buyerWithTopUp(2);
    await spend(above.user.id);
    await db.autoTopUp.update({ where: { userId: above.user.id }, data: { agreedAt: new Date(Date.now() - 120_000) } });
    await db.creditSpend.updateMany({ where: { userId: above.user.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    expect(await getBalance(user.id)).toBe(2);

    // A run whose budget is spent starts nothing.
    const spentOut = await topUpsLeftBehind(budgetFrom(0, 0, () => 1));
    expect(spentOut.paid + spentOut.pending + spentOut.capped + spentOut.declined).toBe(0);

    // Three runs at once (another file's cron run may take it first: either way, once).
    await Promise.all(Array.from({ length: 3 }, () => topUpsLeftBehind()));
    await waitFor(async () => (await getBalance(user.id)) === 5, 15_000);
    expect(await db.order.count({ where: { userId: user.id, kind: "TOP_UP" } })).toBe(1);
    await topUpsLeftBehind();
    expect(await db.order.count({ where: { userId: user.id, kind: "TOP_UP" } })).toBe(1);
    expect(await db.order.count({ where: { userId: { in: [recent.user.id, above.user.id] }, kind: "TOP_UP" } })).toBe(0);
  });

  it("does nothing above the threshold, or for a buyer without a top-up", async () => {
    const { user } = await buyerWithTopUp(2);
    expect(await topUpIfBelow(user.id)).toBe("above");
    const other = await signedInBuyer();
    expect(await topUpIfBelow(other.userId)).toBe("off");
  });

  it("tops the balance up after POST /api/credits/spend answers", async () => {
    const { buyer } = await buyerWithTopUp(5);
    const response = await buyer.client.postJson("/api/credits/spend", { amount: 1, reason: "이미지" }, { "Idempotency-Key": randomUUID() });
    expect(response.status).toBe(201);
    expect((await response.json()).balance).toBe(4);
    await waitFor(async () => (await getBalance(buyer.userId)) === 7, 15_000);
    expect(await db.order.count({ where: { userId: buyer.userId, kind: "TOP_UP", status: "PAID" } })).toBe(1);
  });
});
