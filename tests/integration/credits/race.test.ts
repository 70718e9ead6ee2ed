// The concurrency proof of issue #22: hundreds of credit operations on ONE user at once, against real
// PostgreSQL: spends (each key sent twice), reservations captured or released (or both, racing), partial
// and full cancels of the user's packs settled twice each, operators' bonuses and − adjustments, and the
// cron's sweeps of lapsed holds and lots. Afterwards: no lot below zero, every lot's remaining is what its
// ledger rows say, the balance is the sum of the lots, and no key was charged twice.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expireHolds, expireLots } from "@/lib/credits/expiry";
import { grantOperatorLot, grantOrderCredits, reverseCanceledCredits } from "@/lib/credits/ledger";
import { getBalance } from "@/lib/credits/lots";
import { captureReservation, drawAdjustment, releaseReservation, reserveCredits, spendCredits } from "@/lib/credits/spend-credits";
import { db } from "@/lib/db";
import { createOrder, createUser } from "../../helpers/factories";

/** Expected refusals under contention; anything else (a deadlock, a constraint) fails the test. */
const EXPECTED = new Set(["INSUFFICIENT_CREDITS", "RESERVATION_CLOSED"]);

function settleExpected<T>(promise: Promise<T>): Promise<T | "refused"> {
  return promise.catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code && EXPECTED.has(code)) return "refused" as const;
    throw error;
  });
}

/**
 * This file's own transactions (the operators' and Toss's cancels, 56 at once beside 250 other operations):
 * they wait for a connection and for the user's lots as long as it takes. Prisma's defaults (2 s to start,
 * 5 s to finish) are for a request, not for a pile-up made on purpose on a machine running the whole suite;
 * what this file proves is the database's state afterwards, not how fast it got there.
 */
const PATIENT = { maxWait: 60_000, timeout: 60_000 };

describe("credits under hundreds of concurrent operations on one user", () => {
  it("never goes below zero, keeps lots and ledger in step, and charges no key twice", async () => {
    const user = await createUser();
    const orders = await Promise.all(Array.from({ length: 8 }, () => createOrder(user.id, "PREMIUM_PACK")));
    for (const order of orders) await db.$transaction((tx) => grantOrderCredits(tx, order));
    await db.$transaction((tx) =>
      grantOperatorLot(tx, { userId: user.id, kind: "BONUS", amount: 6, reason: "보너스", grantKey: `b-${randomUUID()}`, expiresAt: new Date(Date.now() + 86_400_000) }),
    );
    // One pack lapses during the run: the sweeps expire what it has left then.
    await db.creditLot.update({ where: { orderId: orders[7]!.id }, data: { expiresAt: new Date(Date.now() + 1500) } });
    const start = await getBalance(user.id);
    expect(start).toBe(46);

    const spendKeys = Array.from({ length: 84 }, () => `spend-${randomUUID()}`);
    const ops: Promise<unknown>[] = [];
    // 168 spends: every key twice.
    for (const k of [...spendKeys, ...spendKeys]) {
      ops.push(settleExpected(spendCredits({ userId: user.id, amount: 1, idempotencyKey: k, reason: "race" })));
    }
    // 40 reservations of 2, each then captured (1 or 2), released, or both at once.
    for (let i = 0; i < 40; i++) {
      ops.push(
        settleExpected(reserveCredits({ userId: user.id, amount: 2, idempotencyKey: `hold-${randomUUID()}`, reason: "job", ttlSeconds: i % 10 === 0 ? 1 : 600 })).then(
          async (outcome) => {
            if (outcome === "refused") return;
            const ref = { userId: user.id, reservationId: outcome.spend.id };
            if (i % 3 === 0) await settleExpected(captureReservation({ ...ref, amount: 1 }));
            else if (i % 3 === 1) await settleExpected(releaseReservation(ref));
            else await Promise.all([settleExpected(captureReservation(ref)), settleExpected(releaseReservation(ref))]);
          },
        ),
      );
    }
    // Cancels of the first four packs: two partial cancels each, every settle twice.
    for (const order of orders.slice(0, 4)) {
      const cancels = [
        { transactionKey: `tx-${randomUUID()}`, credits: 2, reason: "부분 취소" },
        { transactionKey: `tx-${randomUUID()}`, credits: 3, reason: "나머지 취소" },
      ];
      for (const n of [1, 2, 2, 1]) ops.push(db.$transaction((tx) => reverseCanceledCredits(tx, order, cancels.slice(0, n)), PATIENT));
    }
    // Operators: 20 bonuses of 1 (each request twice) and 20 − adjustments of 1 (each request twice).
    for (let i = 0; i < 20; i++) {
      const grantKey = `admin-bonus-${randomUUID()}`;
      const bonus = () =>
        db.$transaction(
          (tx) => grantOperatorLot(tx, { userId: user.id, kind: "BONUS", amount: 1, reason: "이벤트", grantKey, expiresAt: new Date(Date.now() + 86_400_000) }),
          PATIENT,
        );
      ops.push(bonus(), bonus());
      const adjustKey = `admin-adjust-${randomUUID()}`;
      const adjust = () => settleExpected(drawAdjustment({ userId: user.id, amount: 1, idempotencyKey: adjustKey, reason: "운영자 조정", orderDbId: null }));
      ops.push(adjust(), adjust());
    }
    // The cron, every 200 ms while the rest runs.
    const sweeps = (async () => {
      for (let i = 0; i < 12; i++) {
        await Promise.all([expireHolds(), expireLots()]);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    expect(ops.length).toBeGreaterThanOrEqual(300);
    await Promise.all([...ops, sweeps]);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await expireHolds();
    await expireLots();

    // No lot below zero (the CHECK would have refused it) and each lot's remaining is its ledger's sum.
    const lots = await db.creditLot.findMany({ where: { userId: user.id }, include: { entries: true } });
    for (const lot of lots) {
      expect(lot.remaining).toBeGreaterThanOrEqual(0);
      expect(lot.remaining, lot.reason).toBe(lot.entries.reduce((s, e) => s + e.amount, 0) - lot.consumedBeforeLots);
    }
    // The balance is the sum of the open lots, and the whole ledger agrees with all lots.
    const ledger = await db.creditLedger.aggregate({ where: { userId: user.id }, _sum: { amount: true } });
    const remaining = lots.reduce((s, l) => s + l.remaining, 0);
    expect(ledger._sum.amount).toBe(remaining);
    const now = Date.now();
    expect(await getBalance(user.id)).toBe(lots.filter((l) => !l.expiresAt || l.expiresAt.getTime() > now).reduce((s, l) => s + l.remaining, 0));
    expect(lots.find((l) => l.orderId === orders[7]!.id)).toMatchObject({ remaining: 0 });

    // No key charged twice: one CreditSpend per key, whose ledger rows take exactly what it says.
    const spends = await db.creditSpend.findMany({ where: { userId: user.id }, include: { entries: true } });
    expect(new Set(spends.map((s) => s.idempotencyKey)).size).toBe(spends.length);
    for (const spend of spends) {
      const net = -spend.entries.reduce((s, e) => s + e.amount, 0);
      const consumed = spend.kind === "HOLD" ? (spend.status === "HELD" ? spend.amount : spend.captured) : spend.amount;
      expect(net, `${spend.kind} ${spend.status}`).toBe(consumed);
      expect(spend.status).not.toBe("HELD");
    }
    // Each cancel applied once: one REVERSAL per transaction key, never beyond its pack.
    const reversals = await db.creditLedger.findMany({ where: { userId: user.id, kind: "REVERSAL" } });
    expect(reversals).toHaveLength(8);
    for (const order of orders.slice(0, 4)) {
      const own = reversals.filter((r) => r.orderId === order.id);
      expect(own.reduce((s, r) => s - r.amount + r.shortfall, 0)).toBe(5);
    }
    // Each operator request applied once.
    expect(await db.creditLot.count({ where: { userId: user.id, source: "BONUS" } })).toBe(21);
    expect(spends.filter((s) => s.kind === "ADJUSTMENT").length).toBeLessThanOrEqual(20);
  }, 120_000);
});
