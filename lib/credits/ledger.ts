import "server-only";
import type { Tx } from "@/lib/db";

// Credits move only here, always inside the caller's transaction, always as a ledger row plus the
// matching change to CreditBalance. The ledger's unique keys make a second grant for one order (partial
// unique index on GRANT rows) or a second reversal for one Toss cancel transaction (unique
// transactionKey) impossible: ON CONFLICT DO NOTHING reports it as 0 rows instead of aborting the
// transaction.

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

/** A reversal this call wrote: the credits it took back for one Toss cancel transaction. */
export interface AppliedReversal {
  transactionKey: string;
  credits: number;
}

/**
 * − credits for an order's Toss cancels (lib/credits/cancel-reversals.ts says how many each), in one
 * statement with the balance change: a REVERSAL per cancel transaction, ON CONFLICT DO NOTHING on the
 * ledger's unique transactionKey, so that a repeated or concurrent settle of the same payment inserts
 * nothing. Only a granted order is reversed, and never beyond its grant: what earlier reversals took
 * (older ones without a transactionKey included) caps what is still taken. The balance may go negative
 * (the credits were spent before a cancel made in Toss's dashboard); spending is then refused until it
 * is positive again. Returns the reversals written now.
 */
export async function reverseCanceledCredits(
  tx: Tx,
  order: { id: string; userId: string },
  reversals: { transactionKey: string; credits: number; reason: string }[],
): Promise<AppliedReversal[]> {
  if (reversals.length === 0) return [];
  const input = JSON.stringify(reversals.map((r, position) => ({ position, ...r })));
  return tx.$queryRaw<AppliedReversal[]>`
    WITH "input" AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb)
        AS c("position" int, "transactionKey" text, "credits" int, "reason" text)
    ), "granted" AS (
      SELECT "amount" FROM "CreditLedger" WHERE "orderId" = ${order.id} AND "kind" = 'GRANT'
    ), "reversed" AS (
      SELECT COALESCE(-SUM("amount"), 0) AS "total" FROM "CreditLedger" WHERE "orderId" = ${order.id} AND "kind" = 'REVERSAL'
    ), "fresh" AS (
      SELECT c.*, SUM(c."credits") OVER (ORDER BY c."position") - c."credits" AS "before"
      FROM "input" c
      WHERE NOT EXISTS (SELECT 1 FROM "CreditLedger" l WHERE l."transactionKey" = c."transactionKey")
    ), "capped" AS (
      SELECT f."position", f."transactionKey", f."reason",
             LEAST(f."credits", GREATEST(0, g."amount" - r."total" - f."before")) AS "credits"
      FROM "fresh" f CROSS JOIN "granted" g CROSS JOIN "reversed" r
    ), "inserted" AS (
      INSERT INTO "CreditLedger" ("id", "userId", "orderId", "kind", "amount", "reason", "transactionKey", "createdAt")
      SELECT gen_random_uuid()::text, ${order.userId}, ${order.id}, 'REVERSAL'::"CreditEntryKind", -"credits", "reason",
             "transactionKey", now() AT TIME ZONE 'UTC'
      FROM "capped" WHERE "credits" > 0 ORDER BY "position"
      ON CONFLICT ("transactionKey") DO NOTHING
      RETURNING "transactionKey", -"amount" AS "credits"
    ), "balance" AS (
      INSERT INTO "CreditBalance" ("userId", "balance", "updatedAt")
      SELECT ${order.userId}, -SUM("credits"), now() FROM "inserted" HAVING COUNT(*) > 0
      ON CONFLICT ("userId") DO UPDATE SET "balance" = "CreditBalance"."balance" + EXCLUDED."balance", "updatedAt" = now()
    )
    SELECT "transactionKey", "credits" FROM "inserted"`;
}

/**
 * ± credits set by an operator (ADJUSTMENT), with the balance change. `transactionKey` (one per operator
 * request) makes a retried request a no-op: returns false when that adjustment already exists. The
 * balance may go negative; spending is then refused until it is positive again.
 */
export async function adjustCredits(
  tx: Tx,
  entry: { userId: string; orderId: string | null; amount: number; reason: string; transactionKey: string },
): Promise<boolean> {
  const { count } = await tx.creditLedger.createMany({
    data: [{ ...entry, kind: "ADJUSTMENT" }],
    skipDuplicates: true,
  });
  if (count === 1) await addToBalance(tx, entry.userId, entry.amount);
  return count === 1;
}
