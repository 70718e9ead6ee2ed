// Credits as lots against real PostgreSQL: the order spends draw lots in, idempotent spends, holds, and
// the cron's sweeps of lapsed holds and lots.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expireHolds, expireLots } from "@/lib/credits/expiry";
import { grantOperatorLot, grantOrderCredits } from "@/lib/credits/ledger";
import { getBalance, getCreditSummary } from "@/lib/credits/lots";
import { captureReservation, releaseReservation, reserveCredits, spendCredits } from "@/lib/credits/spend-credits";
import { db } from "@/lib/db";
import { createOrder, createUser } from "../../helpers/factories";

const key = () => `k-${randomUUID()}`;

async function paidPack(userId: string, productCode = "PRO_PACK") {
  const order = await createOrder(userId, productCode);
  await db.$transaction((tx) => grantOrderCredits(tx, order));
  return db.creditLot.findUniqueOrThrow({ where: { orderId: order.id } });
}

async function bonus(userId: string, amount: number, expiresAt: Date, reason = "보너스") {
  await db.$transaction((tx) => grantOperatorLot(tx, { userId, kind: "BONUS", amount, reason, grantKey: `bonus-${randomUUID()}`, expiresAt }));
  return db.creditLot.findFirstOrThrow({ where: { userId, reason }, orderBy: { createdAt: "desc" } });
}

/** Every lot's remaining equals what its ledger rows say, and the balance is their sum. */
async function expectConsistent(userId: string) {
  const lots = await db.creditLot.findMany({ where: { userId }, include: { entries: true } });
  for (const lot of lots) {
    expect(lot.remaining, `lot ${lot.reason}`).toBe(lot.entries.reduce((s, e) => s + e.amount, 0) - lot.consumedBeforeLots);
    expect(lot.remaining).toBeGreaterThanOrEqual(0);
  }
  const ledger = await db.creditLedger.aggregate({ where: { userId }, _sum: { amount: true } });
  expect(lots.reduce((s, l) => s + l.remaining, 0)).toBe(ledger._sum.amount ?? 0);
}

const later = (days: number) => new Date(Date.now() + days * 86_400_000);

describe("spending order", () => {
  it("spends bonus credits first, then the lot that expires first, then the oldest, and names each lot", async () => {
    const user = await createUser();
    const pro = await paidPack(user.id, "PRO_PACK");
    const premium = await paidPack(user.id, "PREMIUM_PACK");
    const soon = await bonus(user.id, 2, later(3), "곧 끝나는 보너스");
    const late = await bonus(user.id, 1, later(30), "늦게 끝나는 보너스");
    expect(await getBalance(user.id)).toBe(11);

    const { spend } = await spendCredits({ userId: user.id, amount: 5, idempotencyKey: key(), reason: "큰 작업" });
    expect(spend).toMatchObject({ kind: "SPEND", status: "SPENT", amount: 5, balanceAfter: 6 });
    const rows = await db.creditLedger.findMany({ where: { spendId: spend.id }, include: { lot: true } });
    const taken = Object.fromEntries(rows.map((r) => [r.lot!.reason, -r.amount]));
    // Both bonuses (the earlier expiry first), then the older paid pack's 2 of 3.
    expect(taken).toEqual({ [soon.reason]: 2, [late.reason]: 1, [pro.reason]: 2 });
    expect(await db.creditLot.findUniqueOrThrow({ where: { id: premium.id } })).toMatchObject({ remaining: 5 });
    await expectConsistent(user.id);
  });

  it("does not spend from an expired lot, even before the cron expired it", async () => {
    const user = await createUser();
    const lot = await paidPack(user.id);
    await db.creditLot.update({ where: { id: lot.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getBalance(user.id)).toBe(0);
    await expect(spendCredits({ userId: user.id, amount: 1, idempotencyKey: key(), reason: "x" })).rejects.toMatchObject({
      code: "INSUFFICIENT_CREDITS",
      status: 409,
      details: { balance: 0, required: 1 },
    });
  });
});

describe("idempotent spends", () => {
  it("charges once under 20 concurrent requests with one key, and answers each with the first outcome", async () => {
    const user = await createUser();
    await paidPack(user.id, "PREMIUM_PACK");
    const k = key();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => spendCredits({ userId: user.id, amount: 2, idempotencyKey: k, reason: "retry" })));
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.spend.id)).size).toBe(1);
    expect(outcomes.every((o) => o.spend.balanceAfter === 3)).toBe(true);
    expect(await getBalance(user.id)).toBe(3);
    expect(await db.creditSpend.count({ where: { userId: user.id } })).toBe(1);
    await expectConsistent(user.id);
  });

  it("refuses the same key with another amount or as a reservation, and changes nothing", async () => {
    const user = await createUser();
    await paidPack(user.id);
    const k = key();
    await spendCredits({ userId: user.id, amount: 1, idempotencyKey: k, reason: "a" });
    await expect(spendCredits({ userId: user.id, amount: 2, idempotencyKey: k, reason: "a" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", status: 409 });
    await expect(reserveCredits({ userId: user.id, amount: 1, idempotencyKey: k, reason: "a" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await getBalance(user.id)).toBe(2);
  });

  it("writes nothing for a spend refused for want of credits, so its key works after a top-up", async () => {
    const user = await createUser();
    await paidPack(user.id);
    const k = key();
    await expect(spendCredits({ userId: user.id, amount: 4, idempotencyKey: k, reason: "big" })).rejects.toMatchObject({
      code: "INSUFFICIENT_CREDITS",
      details: { balance: 3, required: 4 },
    });
    expect(await db.creditSpend.count({ where: { userId: user.id } })).toBe(0);
    await paidPack(user.id);
    expect((await spendCredits({ userId: user.id, amount: 4, idempotencyKey: k, reason: "big" })).spend.balanceAfter).toBe(2);
  });

  it("keeps one user's keys apart from another's", async () => {
    const [a, b] = [await createUser(), await createUser()];
    await Promise.all([paidPack(a.id), paidPack(b.id)]);
    const k = key();
    await spendCredits({ userId: a.id, amount: 1, idempotencyKey: k, reason: "a" });
    expect((await spendCredits({ userId: b.id, amount: 2, idempotencyKey: k, reason: "b" })).created).toBe(true);
    expect([await getBalance(a.id), await getBalance(b.id)]).toEqual([2, 1]);
  });
});

describe("reservations", () => {
  it("holds credits out of the balance, captures part, and gives the rest back to the lot drawn last", async () => {
    const user = await createUser();
    const first = await paidPack(user.id);
    const second = await paidPack(user.id);
    const { spend: hold } = await reserveCredits({ userId: user.id, amount: 5, idempotencyKey: key(), reason: "긴 작업", ttlSeconds: 600 });
    expect(hold).toMatchObject({ kind: "HOLD", status: "HELD", amount: 5, balanceAfter: 1 });
    expect((await getCreditSummary(user.id)).held).toBe(5);

    const captured = await captureReservation({ userId: user.id, reservationId: hold.id, amount: 2 });
    expect(captured).toMatchObject({ created: true, spend: { status: "CAPTURED", captured: 2 } });
    // The 2 consumed are what a spend of 2 would have drawn: the first pack's.
    expect(await db.creditLot.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ remaining: 1 });
    expect(await db.creditLot.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ remaining: 3 });
    expect(await getBalance(user.id)).toBe(4);
    expect((await getCreditSummary(user.id)).held).toBe(0);

    // The same capture again answers it; another amount, or a release, is refused.
    expect(await captureReservation({ userId: user.id, reservationId: hold.id, amount: 2 })).toMatchObject({ created: false });
    await expect(captureReservation({ userId: user.id, reservationId: hold.id, amount: 3 })).rejects.toMatchObject({ code: "RESERVATION_CLOSED" });
    await expect(releaseReservation({ userId: user.id, reservationId: hold.id })).rejects.toMatchObject({ code: "RESERVATION_CLOSED" });
    await expectConsistent(user.id);
  });

  it("releases in full once, however many releases and captures race", async () => {
    const user = await createUser();
    await paidPack(user.id, "PREMIUM_PACK");
    const { spend: hold } = await reserveCredits({ userId: user.id, amount: 4, idempotencyKey: key(), reason: "job" });
    const results = await Promise.allSettled([
      ...Array.from({ length: 6 }, () => releaseReservation({ userId: user.id, reservationId: hold.id })),
      ...Array.from({ length: 6 }, () => captureReservation({ userId: user.id, reservationId: hold.id, amount: 1 })),
    ]);
    const winners = results.filter((r) => r.status === "fulfilled" && r.value.created);
    expect(winners).toHaveLength(1);
    const final = await db.creditSpend.findUniqueOrThrow({ where: { id: hold.id } });
    expect(await getBalance(user.id)).toBe(final.status === "RELEASED" ? 5 : 4);
    await expectConsistent(user.id);
  });

  it("refuses to capture more than held, or another user's reservation", async () => {
    const [user, other] = [await createUser(), await createUser()];
    await paidPack(user.id);
    const { spend: hold } = await reserveCredits({ userId: user.id, amount: 2, idempotencyKey: key(), reason: "job" });
    await expect(captureReservation({ userId: user.id, reservationId: hold.id, amount: 3 })).rejects.toMatchObject({ code: "CAPTURE_EXCEEDS_HOLD", status: 422 });
    await expect(captureReservation({ userId: other.id, reservationId: hold.id })).rejects.toMatchObject({ code: "RESERVATION_NOT_FOUND", status: 404 });
    await expect(releaseReservation({ userId: other.id, reservationId: hold.id })).rejects.toMatchObject({ code: "RESERVATION_NOT_FOUND" });
    expect(await getBalance(user.id)).toBe(1);
  });

  it("gives a lapsed hold back once (the cron), after which it can be neither captured nor held again", async () => {
    const user = await createUser();
    await paidPack(user.id);
    const { spend: hold } = await reserveCredits({ userId: user.id, amount: 3, idempotencyKey: key(), reason: "died" });
    await db.creditSpend.update({ where: { id: hold.id }, data: { heldUntil: new Date(Date.now() - 1000) } });
    await expect(captureReservation({ userId: user.id, reservationId: hold.id })).rejects.toMatchObject({ code: "RESERVATION_CLOSED", details: { status: "EXPIRED" } });
    const sweeps = await Promise.all([expireHolds(), expireHolds(), expireHolds()]);
    // Three sweeps at once (and any other file's cron run): at most one of them gives the hold back.
    expect(sweeps.filter((r) => r.reservations > 0).length).toBeLessThanOrEqual(1);
    const released = await db.creditLedger.findMany({ where: { spendId: hold.id, kind: "RELEASE" } });
    expect(released.reduce((s, r) => s + r.amount, 0)).toBe(3);
    expect(await db.creditSpend.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({ status: "EXPIRED", captured: 0 });
    expect(await getBalance(user.id)).toBe(3);
    expect(await releaseReservation({ userId: user.id, reservationId: hold.id })).toMatchObject({ created: false, spend: { status: "EXPIRED" } });
    await expectConsistent(user.id);
  });
});

describe("a lapsed hold before the cron's run", () => {
  it("is given back when a spend of its user needs its credits, so nothing stays held past its time", async () => {
    const user = await createUser();
    await paidPack(user.id);
    const { spend: hold } = await reserveCredits({ userId: user.id, amount: 3, idempotencyKey: key(), reason: "died" });
    await db.creditSpend.update({ where: { id: hold.id }, data: { heldUntil: new Date(Date.now() - 1000) } });
    expect(await getBalance(user.id)).toBe(0);
    const { spend } = await spendCredits({ userId: user.id, amount: 2, idempotencyKey: key(), reason: "next job" });
    expect(spend.balanceAfter).toBe(1);
    expect(await db.creditSpend.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({ status: "EXPIRED" });
    // A spend beyond what the lapsed hold gave back is still refused, and changes nothing more.
    await expect(spendCredits({ userId: user.id, amount: 2, idempotencyKey: key(), reason: "too much" })).rejects.toMatchObject({
      code: "INSUFFICIENT_CREDITS",
      details: { balance: 1 },
    });
    await expectConsistent(user.id);
  });
});

describe("expiry", () => {
  it("expires what a lapsed lot has left exactly once, however many sweeps run at once", async () => {
    const user = await createUser();
    const lot = await paidPack(user.id, "PREMIUM_PACK");
    await spendCredits({ userId: user.id, amount: 2, idempotencyKey: key(), reason: "used" });
    await db.creditLot.update({ where: { id: lot.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await Promise.all(Array.from({ length: 8 }, () => expireLots()));
    const expired = await db.creditLedger.findMany({ where: { lotId: lot.id, kind: "EXPIRE" } });
    expect(expired.map((e) => e.amount)).toEqual([-3]);
    expect(expired[0]!.reason).toContain("유효기간 만료");
    expect(await db.creditLot.findUniqueOrThrow({ where: { id: lot.id } })).toMatchObject({ remaining: 0, expiredAt: expect.any(Date) });
    await expireLots();
    expect(await db.creditLedger.count({ where: { lotId: lot.id, kind: "EXPIRE" } })).toBe(1);
    await expectConsistent(user.id);
  });

  it("expires credits a lapsed hold gives back to a lot that expired meanwhile", async () => {
    const user = await createUser();
    const lot = await paidPack(user.id);
    const { spend: hold } = await reserveCredits({ userId: user.id, amount: 2, idempotencyKey: key(), reason: "job" });
    await db.creditSpend.update({ where: { id: hold.id }, data: { heldUntil: new Date(Date.now() - 1000) } });
    await db.creditLot.update({ where: { id: lot.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expireHolds();
    await expireLots();
    expect(await db.creditLot.findUniqueOrThrow({ where: { id: lot.id } })).toMatchObject({ remaining: 0 });
    expect((await db.creditLedger.findMany({ where: { lotId: lot.id, kind: "EXPIRE" } })).map((e) => e.amount)).toEqual([-3]);
    await expectConsistent(user.id);
  });

  it("counts a lot that ends at 00:00 KST with the Seoul day before it, as the account page words it", async () => {
    const user = await createUser();
    // A pack usable until 19:00 KST on a day 10 days ahead, and a bonus usable to the end of that day.
    const day = new Date(Date.now() + 10 * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Seoul" });
    const pack = await paidPack(user.id);
    await db.creditLot.update({ where: { id: pack.id }, data: { expiresAt: new Date(`${day}T19:00:00+09:00`) } });
    const endOfDay = new Date(new Date(`${day}T00:00:00+09:00`).getTime() + 86_400_000);
    await bonus(user.id, 2, endOfDay, "그날까지 보너스");
    // A later lot does not count.
    await bonus(user.id, 4, new Date(endOfDay.getTime() + 1000), "다음 날 보너스");
    expect((await getCreditSummary(user.id)).nextExpiry).toEqual({ credits: 5, expiresAt: new Date(`${day}T19:00:00+09:00`).toISOString() });
  });

  it("tells what expires next: the credits of the first Seoul day any lot expires", async () => {
    const user = await createUser();
    await paidPack(user.id);
    const b = await bonus(user.id, 2, later(7));
    const summary = await getCreditSummary(user.id);
    expect(summary).toMatchObject({ balance: 5, held: 0, nextExpiry: { credits: 2, expiresAt: b.expiresAt!.toISOString() } });
    expect(summary.lots.map((l) => l.source).sort()).toEqual(["BONUS", "ORDER"]);
  });
});

describe("constraints", () => {
  it("refuses, in the database, a lot below zero or above its amount", async () => {
    const user = await createUser();
    const lot = await paidPack(user.id);
    await expect(db.creditLot.update({ where: { id: lot.id }, data: { remaining: -1 } })).rejects.toThrow(/CreditLot_remaining_check/);
    await expect(db.creditLot.update({ where: { id: lot.id }, data: { remaining: 4 } })).rejects.toThrow(/CreditLot_remaining_check/);
  });
});
