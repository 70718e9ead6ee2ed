import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { grantOrderCredits, reverseCanceledCredits } from "@/lib/credits/ledger";
import { getCredits, getCreditsOfExistingUser } from "@/lib/credits/get-credits";
import { generatePremium } from "@/lib/credits/premium-generation";
import { spendCredits } from "@/lib/credits/spend-credits";
import { getBalance } from "@/lib/credits/lots";
import { db } from "@/lib/db";
import { createOrder, createUser } from "../../helpers/factories";

/** A spend under a fresh idempotency key. */
function spendNow(userId: string, amount: number, reason: string) {
  return spendCredits({ userId, amount, idempotencyKey: `k-${randomUUID()}`, reason });
}

/** A whole-order reversal under a fresh cancel transaction key. */
function wholeCancel(credits: number) {
  return { transactionKey: `tx_${randomUUID()}`, credits, reason: "cancel" };
}

async function userWithCredits(productCode = "PRO_PACK") {
  const user = await createUser();
  const order = await createOrder(user.id, productCode);
  await db.$transaction((tx) => grantOrderCredits(tx, order));
  return { user, order };
}

describe("credits", () => {
  it("never spends below zero under 12 concurrent spends of a 3-credit balance", async () => {
    const { user } = await userWithCredits();
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => spendNow(user.id, 1, "race")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toMatchObject({ code: "INSUFFICIENT_CREDITS", status: 409 });
    }
    const { balance, entries } = await getCredits(user.id);
    expect(balance).toBe(0);
    expect(entries.filter((e) => e.kind === "SPEND")).toHaveLength(3);
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(0);
  });

  it("grants an order once, whatever the number of concurrent grants", async () => {
    const user = await createUser();
    const order = await createOrder(user.id, "PREMIUM_PACK");
    const granted = await Promise.all(Array.from({ length: 10 }, () => db.$transaction((tx) => grantOrderCredits(tx, order))));
    expect(granted.filter(Boolean)).toHaveLength(1);
    expect((await getCredits(user.id)).balance).toBe(5);
  });

  it("reverses a granted order once, from its own lot, recording what was already spent as a shortfall", async () => {
    const { user, order } = await userWithCredits();
    await spendNow(user.id, 2, "used");
    const cancel = wholeCancel(3);
    const reversed = await Promise.all(Array.from({ length: 5 }, () => db.$transaction((tx) => reverseCanceledCredits(tx, order, [cancel]))));
    expect(reversed.flat()).toEqual([{ transactionKey: cancel.transactionKey, credits: 1, shortfall: 2 }]);
    expect((await getCredits(user.id)).balance).toBe(0);
    const lot = await db.creditLot.findUniqueOrThrow({ where: { orderId: order.id } });
    expect(lot).toMatchObject({ amount: 3, remaining: 0 });
    await expect(spendNow(user.id, 1, "more")).rejects.toMatchObject({ code: "INSUFFICIENT_CREDITS", details: { balance: 0, required: 1 } });
  });

  it("does not reverse an order that was never granted", async () => {
    const user = await createUser();
    const order = await createOrder(user.id);
    expect(await db.$transaction((tx) => reverseCanceledCredits(tx, order, [wholeCancel(3)]))).toEqual([]);
    expect((await getCredits(user.id)).balance).toBe(0);
  });

  it("takes back several partial cancels of one order, each once, however the settles overlap", async () => {
    const { user, order } = await userWithCredits("PREMIUM_PACK");
    const [t1, t2, t3] = [`tx_${randomUUID()}`, `tx_${randomUUID()}`, `tx_${randomUUID()}`];
    const cancels = [
      { transactionKey: t1, credits: 2, reason: "부분 취소" },
      { transactionKey: t2, credits: 2, reason: "부분 취소" },
      { transactionKey: t3, credits: 1, reason: "나머지 취소" },
    ];
    // Settles of the payment as seen after the 1st, 2nd and 3rd cancel, each several times at once.
    const settles = [1, 2, 3, 1, 2, 3, 3, 2, 1].map((n) => db.$transaction((tx) => reverseCanceledCredits(tx, order, cancels.slice(0, n))));
    const applied = (await Promise.all(settles)).flat();
    expect(applied.map((r) => r.transactionKey).sort()).toEqual([t1, t2, t3].sort());
    const reversals = (await getCredits(user.id)).entries.filter((e) => e.kind === "REVERSAL");
    expect(reversals.map((e) => e.amount).sort((a, b) => a - b)).toEqual([-2, -2, -1]);
    expect((await getCredits(user.id)).balance).toBe(0);
  });

  it("never takes back more than the grant, counting reversals written before cancels had keys", async () => {
    const { user, order } = await userWithCredits();
    // An older whole-order reversal (no transactionKey) of 1 credit, its lot kept in step by hand.
    const lot = await db.creditLot.findUniqueOrThrow({ where: { orderId: order.id } });
    await db.creditLedger.create({ data: { userId: user.id, orderId: order.id, lotId: lot.id, kind: "REVERSAL", amount: -1, reason: "old" } });
    await db.creditLot.update({ where: { id: lot.id }, data: { remaining: { decrement: 1 } } });
    const applied = await db.$transaction((tx) => reverseCanceledCredits(tx, order, [wholeCancel(1), wholeCancel(2)].map((c, i) => ({ ...c, reason: `c${i}` }))));
    expect(applied.map((r) => r.credits)).toEqual([1, 1]);
    expect(await db.$transaction((tx) => reverseCanceledCredits(tx, order, [wholeCancel(3)]))).toEqual([]);
    expect((await getCredits(user.id)).balance).toBe(0);
    const sum = await db.creditLedger.aggregate({ where: { orderId: order.id }, _sum: { amount: true } });
    expect(sum._sum.amount).toBe(0);
  });

  it("spends one credit per premium generation and refuses bad prompts without spending", async () => {
    const { user } = await userWithCredits();
    const requestId = randomUUID();
    const result = await generatePremium(user.id, "봄 신상품 소개", requestId);
    expect(result.balance).toBe(2);
    expect(result.title).toContain("봄 신상품 소개");
    // The form's retry after a lost answer: the same request id, charged once.
    expect((await generatePremium(user.id, "봄 신상품 소개", requestId)).balance).toBe(2);
    await expect(generatePremium(user.id, "   ", randomUUID())).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(generatePremium(user.id, "주제", "not-a-uuid")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await getBalance(user.id)).toBe(2);
  });

  it("refuses a non-positive or fractional spend", async () => {
    const { user } = await userWithCredits();
    await expect(spendNow(user.id, 0, "x")).rejects.toThrow();
    await expect(spendNow(user.id, 1.5, "x")).rejects.toThrow();
    expect((await getCredits(user.id)).balance).toBe(3);
  });

  it("GET /api/credits's one statement answers what getCredits answers, and null for no such user", async () => {
    const { user, order } = await userWithCredits("PREMIUM_PACK");
    await spendNow(user.id, 1, "first");
    await spendNow(user.id, 2, "second");
    await db.$transaction((tx) => reverseCanceledCredits(tx, order, [wholeCancel(5)]));
    const expected = await getCredits(user.id);
    expect(expected.entries.map((e) => e.kind).sort()).toEqual(["GRANT", "REVERSAL", "SPEND", "SPEND"]);
    const got = await getCreditsOfExistingUser(user.id);
    expect(got).not.toBeNull();
    expect(got!.balance).toBe(expected.balance);
    expect({ held: got!.held, nextExpiry: got!.nextExpiry, lots: got!.lots }).toEqual({ held: expected.held, nextExpiry: expected.nextExpiry, lots: expected.lots });
    // Every entry names the pack's lot.
    expect(new Set(got!.entries.map((e) => e.lot?.reason))).toEqual(new Set([`${order.orderName} 구매`]));
    // Same entries, newest first, with the order's public id and ISO times (ties in createdAt aside).
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(got!.entries)).toEqual(byId(expected.entries));
    const times = got!.entries.map((e) => e.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(got!.entries.find((e) => e.kind === "GRANT")!.orderId).toBe(order.orderId);
    expect((await getCreditsOfExistingUser(user.id, 2))!.entries).toHaveLength(2);

    const nobody = await createUser();
    expect(await getCreditsOfExistingUser(nobody.id)).toEqual({ balance: 0, held: 0, nextExpiry: null, lots: [], entries: [] });
    expect(await getCreditsOfExistingUser(`missing_${randomUUID()}`)).toBeNull();
  });
});
