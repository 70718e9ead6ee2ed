// The ledger's unique keys, not application code, make a second grant for one order, or a second
// reversal for one Toss cancel transaction, impossible.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { createOrder, createUser } from "../helpers/factories";

function grant(userId: string, orderId: string, amount: number) {
  return db.creditLedger.create({ data: { userId, orderId, kind: "GRANT", amount, reason: "test grant" } });
}

describe("CreditLedger", () => {
  it("accepts exactly one of 20 concurrent grants for the same order", async () => {
    const user = await createUser();
    const order = await createOrder(user.id);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => grant(user.id, order.id, order.credits)));

    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      expect((r.reason as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    }
    const sum = await db.creditLedger.aggregate({ where: { userId: user.id }, _sum: { amount: true } });
    expect(sum._sum.amount).toBe(3);
  });

  it("keeps grants of different orders apart, and one reversal per Toss cancel transaction", async () => {
    const user = await createUser();
    const [a, b] = [await createOrder(user.id, "PRO_PACK"), await createOrder(user.id, "PREMIUM_PACK")];
    await Promise.all([grant(user.id, a.id, 3), grant(user.id, b.id, 5)]);
    const reversal = (transactionKey: string | null, amount: number) =>
      db.creditLedger.create({ data: { userId: user.id, orderId: a.id, kind: "REVERSAL", amount, reason: "cancel", transactionKey } });
    const key = `tx_${randomUUID()}`;
    // Several partial cancels of one order are several reversals; the same cancel twice is refused.
    await reversal(key, -1);
    await reversal(`tx_${randomUUID()}`, -1);
    await expect(reversal(key, -1)).rejects.toMatchObject({ code: "P2002" });
    // Reversals written before cancels were keyed have no transactionKey: they do not collide.
    await reversal(null, -1);
    await expect(grant(user.id, a.id, 3)).rejects.toMatchObject({ code: "P2002" });
    const sum = await db.creditLedger.aggregate({ where: { userId: user.id }, _sum: { amount: true } });
    expect(sum._sum.amount).toBe(5);
  });

  it("allows many spends, which belong to no order", async () => {
    const user = await createUser();
    await Promise.all(
      Array.from({ length: 3 }, () =>
        db.creditLedger.create({ data: { userId: user.id, kind: "SPEND", amount: -1, reason: "premium" } }),
      ),
    );
    expect(await db.creditLedger.count({ where: { userId: user.id, kind: "SPEND" } })).toBe(3);
  });
});
