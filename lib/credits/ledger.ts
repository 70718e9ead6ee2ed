import "server-only";

// Credits move only in lib/credits: here (inside the caller's transaction), in spend-credits.ts and
// expiry.ts, and in the settle statement (lib/payments/settle-paid.ts). Every change to a lot's
// `remaining` comes with a ledger row naming the lot. The unique keys make a second lot or grant for one
// order (CreditLot.orderId, the partial unique index on GRANT rows), a second reversal for one Toss
// cancel transaction (unique transactionKey) or a second grant for one operator request (CreditLot.
// grantKey) impossible: ON CONFLICT DO NOTHING reports it as 0 rows instead of aborting the transaction.
import { Prisma, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { LOT_PRIORITY } from "./lots";

/**
 * + credits for a paid order: its lot (valid CREDIT_VALIDITY_MONTHS from now) and the GRANT naming it, in
 * one statement. Returns false when the order's lot already exists.
 */
export async function grantOrderCredits(
  tx: Tx,
  order: { id: string; userId: string; credits: number; orderName: string },
): Promise<boolean> {
  if (order.credits <= 0) return false;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH "lot" AS (
      INSERT INTO "CreditLot" ("id", "userId", "source", "orderId", "amount", "remaining", "priority", "expiresAt", "reason", "createdAt")
      VALUES (gen_random_uuid()::text, ${order.userId}, 'ORDER', ${order.id}, ${order.credits}::int, ${order.credits}::int,
              ${LOT_PRIORITY.PAID}::int, now() + ${env.creditValidityMonths}::int * interval '1 month', ${`${order.orderName} 구매`}, now())
      ON CONFLICT ("orderId") DO NOTHING
      RETURNING "id", "userId", "orderId", "amount", "reason"
    )
    INSERT INTO "CreditLedger" ("id", "userId", "orderId", "kind", "amount", "reason", "lotId", "createdAt")
    SELECT gen_random_uuid()::text, l."userId", l."orderId", 'GRANT'::"CreditEntryKind", l."amount", l."reason", l."id", now() AT TIME ZONE 'UTC'
    FROM "lot" l
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  return rows.length === 1;
}

/** A reversal this call wrote: the credits it took back for one Toss cancel transaction. */
export interface AppliedReversal {
  transactionKey: string;
  /** credits taken from the order's lot */
  credits: number;
  /** credits due that the lot no longer had */
  shortfall: number;
}

/**
 * − credits for an order's Toss cancels (lib/credits/cancel-reversals.ts says how many each), taken from
 * the order's own lot, in one statement: a REVERSAL per cancel transaction, ON CONFLICT DO NOTHING on
 * the ledger's unique transactionKey, so that a repeated or concurrent settle of the same payment inserts
 * nothing. Only a granted order is reversed, and never beyond its grant: what earlier reversals called for
 * (taken or short, older ones without a transactionKey included) caps what is still due. What the lot no
 * longer has (spent, held, expired) is not taken from other lots: it is recorded as the entry's
 * `shortfall`, for the operator to settle with the buyer. Returns the reversals written now.
 */
export async function reverseCanceledCredits(
  tx: Tx,
  order: { id: string; userId: string },
  reversals: { transactionKey: string; credits: number; reason: string }[],
): Promise<AppliedReversal[]> {
  if (reversals.length === 0) return [];
  // The order's lot first, in a statement of its own: a concurrent settle of the same payment then
  // finishes first, and the next statement's snapshot sees its reversals (one statement could not: it
  // would share out the lot among cancels the other one has already written).
  await tx.$queryRaw`SELECT 1 FROM "CreditLot" WHERE "orderId" = ${order.id} FOR UPDATE`;
  const input = JSON.stringify(reversals.map((r, position) => ({ position, ...r })));
  return tx.$queryRaw<AppliedReversal[]>`
    WITH "input" AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb)
        AS c("position" int, "transactionKey" text, "credits" int, "reason" text)
    ), "lot" AS MATERIALIZED (
      SELECT "id", "remaining" FROM "CreditLot" WHERE "orderId" = ${order.id} FOR UPDATE
    ), "granted" AS (
      SELECT "amount" FROM "CreditLedger" WHERE "orderId" = ${order.id} AND "kind" = 'GRANT'
    ), "reversed" AS (
      SELECT COALESCE(SUM(-"amount" + "shortfall"), 0) AS "total" FROM "CreditLedger" WHERE "orderId" = ${order.id} AND "kind" = 'REVERSAL'
    ), "fresh" AS (
      SELECT c.*, SUM(c."credits") OVER (ORDER BY c."position") - c."credits" AS "before"
      FROM "input" c
      WHERE NOT EXISTS (SELECT 1 FROM "CreditLedger" l WHERE l."transactionKey" = c."transactionKey")
    ), "capped" AS (
      SELECT f."position", f."transactionKey", f."reason",
             LEAST(f."credits", GREATEST(0, g."amount" - r."total" - f."before"))::int AS "credits"
      FROM "fresh" f CROSS JOIN "granted" g CROSS JOIN "reversed" r
    ), "alloc" AS (
      SELECT c.*, l."id" AS "lotId",
             LEAST(c."credits", GREATEST(0, l."remaining" - (SUM(c."credits") OVER (ORDER BY c."position") - c."credits")))::int AS "taken"
      FROM "capped" c CROSS JOIN "lot" l
      WHERE c."credits" > 0
    ), "inserted" AS (
      INSERT INTO "CreditLedger" ("id", "userId", "orderId", "kind", "amount", "reason", "transactionKey", "lotId", "shortfall", "createdAt")
      SELECT gen_random_uuid()::text, ${order.userId}, ${order.id}, 'REVERSAL'::"CreditEntryKind", -"taken", "reason",
             "transactionKey", "lotId", "credits" - "taken", now() AT TIME ZONE 'UTC'
      FROM "alloc" ORDER BY "position"
      ON CONFLICT ("transactionKey") DO NOTHING
      RETURNING "transactionKey", -"amount" AS "credits", "shortfall", "lotId"
    ), "lotUpdate" AS (
      UPDATE "CreditLot" lot SET "remaining" = lot."remaining" - t."taken"
      FROM (SELECT "lotId", SUM("credits")::int AS "taken" FROM "inserted" GROUP BY "lotId") t
      WHERE lot."id" = t."lotId" AND t."taken" > 0
    )
    SELECT "transactionKey", "credits", "shortfall" FROM "inserted"`;
}

/**
 * + credits granted by an operator: a lot of their own under the operator request's key (a retried
 * request grants nothing more), with the BONUS or ADJUSTMENT entry naming it. A bonus is spent before
 * paid credits and expires when the operator said; an adjustment is spent like a paid pack and valid as
 * long (CREDIT_VALIDITY_MONTHS). Returns false when that request's lot already exists.
 */
export async function grantOperatorLot(
  tx: Tx,
  lot: {
    userId: string;
    kind: "BONUS" | "ADJUSTMENT";
    amount: number;
    reason: string;
    grantKey: string;
    /** BONUS: required; ADJUSTMENT: null = the paid validity */
    expiresAt: Date | null;
    orderDbId?: string | null;
  },
): Promise<boolean> {
  if (!Number.isInteger(lot.amount) || lot.amount <= 0) throw new Error(`grantOperatorLot: amount must be a positive integer, got ${lot.amount}`);
  const priority = lot.kind === "BONUS" ? LOT_PRIORITY.BONUS : LOT_PRIORITY.PAID;
  const expiresAt = lot.expiresAt
    ? Prisma.sql`${lot.expiresAt.toISOString()}::timestamptz`
    : Prisma.sql`now() + ${env.creditValidityMonths}::int * interval '1 month'`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH "lot" AS (
      INSERT INTO "CreditLot" ("id", "userId", "source", "grantKey", "amount", "remaining", "priority", "expiresAt", "reason", "createdAt")
      VALUES (gen_random_uuid()::text, ${lot.userId}, ${lot.kind}::"CreditLotSource", ${lot.grantKey}, ${lot.amount}::int, ${lot.amount}::int,
              ${priority}::int, ${expiresAt}, ${lot.reason}, now())
      ON CONFLICT ("grantKey") DO NOTHING
      RETURNING "id", "userId", "amount", "reason"
    )
    INSERT INTO "CreditLedger" ("id", "userId", "orderId", "kind", "amount", "reason", "lotId", "createdAt")
    SELECT gen_random_uuid()::text, l."userId", ${lot.orderDbId ?? null}, ${lot.kind}::"CreditEntryKind", l."amount", l."reason", l."id",
           now() AT TIME ZONE 'UTC'
    FROM "lot" l
    RETURNING "id"`;
  return rows.length === 1;
}
