import "server-only";
import type { Tx } from "@/lib/db";

// Credits move only here, always inside the caller's transaction, always as a ledger row plus the
// matching change to CreditBalance. The ledger's unique (orderId, kind) makes a second grant or a second
// reversal for one order impossible: ON CONFLICT DO NOTHING (createMany skipDuplicates) reports it as 0
// rows instead of aborting the transaction.

async function addToBalance(tx: Tx, userId: string, delta: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "CreditBalance" ("userId", "balance", "updatedAt") VALUES (${userId}, ${delta}, now())
    ON CONFLICT ("userId") DO UPDATE SET "balance" = "CreditBalance"."balance" + ${delta}, "updatedAt" = now()`;
}

/** + credits for a paid order. Returns false when the order's grant already exists. */
export async function grantOrderCredits(
  tx: Tx,
  order: { id: string; userId: string; credits: number; orderName: string },
): Promise<boolean> {
  const { count } = await tx.creditLedger.createMany({
    data: [{ userId: order.userId, orderId: order.id, kind: "GRANT", amount: order.credits, reason: `${order.orderName} 구매` }],
    skipDuplicates: true,
  });
  if (count === 1) await addToBalance(tx, order.userId, order.credits);
  return count === 1;
}

/**
 * − the credits an order granted, when it is refunded or canceled. Only an order that was granted is
 * reversed, once. The balance may go negative (a dashboard cancel after the credits were spent);
 * spending is then refused until it is positive again.
 */
export async function reverseOrderCredits(tx: Tx, order: { id: string; userId: string }, reason: string): Promise<number> {
  const grant = await tx.creditLedger.findUnique({ where: { orderId_kind: { orderId: order.id, kind: "GRANT" } } });
  if (!grant) return 0;
  const { count } = await tx.creditLedger.createMany({
    data: [{ userId: order.userId, orderId: order.id, kind: "REVERSAL", amount: -grant.amount, reason }],
    skipDuplicates: true,
  });
  if (count === 0) return 0;
  await addToBalance(tx, order.userId, -grant.amount);
  return grant.amount;
}
