// The reconcile cron's two sweeps of credits: lots whose validity ended give up what they have left (an
// EXPIRE entry each), and reservations whose time ran out give their credits back (RELEASE entries).
// Each is one statement over at most `limit` rows, whose FOR UPDATE re-reads every row it takes: two
// runs at once, or a run racing a spend, never expire or release the same credit twice.
import "server-only";
import { Prisma } from "@/lib/db";
import { queryRows } from "@/lib/sql";
import { LOT_ORDER } from "./lots";

export const SWEEP_LIMIT = 500;

/** EXPIRE what every lapsed lot has left, once: returns the lots and credits expired now. */
export async function expireLots(limit = SWEEP_LIMIT): Promise<{ lots: number; credits: number }> {
  const rows = await queryRows<{ lots: number; credits: number }>(Prisma.sql`
    WITH "due" AS MATERIALIZED (
      SELECT "id", "userId", "remaining", "reason" FROM "CreditLot"
      WHERE "remaining" > 0 AND "expiresAt" <= now()
      ORDER BY "userId", ${LOT_ORDER}
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), "expired" AS (
      UPDATE "CreditLot" lot SET "remaining" = 0, "expiredAt" = COALESCE(lot."expiredAt", now())
      FROM "due" d WHERE lot."id" = d."id"
      RETURNING lot."id", lot."userId", d."remaining", d."reason"
    ), "entries" AS (
      INSERT INTO "CreditLedger" ("id", "userId", "kind", "amount", "reason", "lotId", "createdAt")
      SELECT gen_random_uuid()::text, e."userId", 'EXPIRE'::"CreditEntryKind", -e."remaining", '유효기간 만료: ' || e."reason", e."id",
             now() AT TIME ZONE 'UTC'
      FROM "expired" e
    )
    SELECT COUNT(*)::int AS "lots", COALESCE(SUM("remaining"), 0)::int AS "credits" FROM "expired"`);
  return rows[0]!;
}

/**
 * Gives back every credit of each reservation still HELD past its time (status EXPIRED), to the lots it
 * came from (one user's only, with `userId`): returns the reservations and credits released now. A lot
 * that expired meanwhile takes its credits back and expires them at the next sweep.
 */
export async function expireHolds(limit = SWEEP_LIMIT, userId: string | null = null): Promise<{ reservations: number; credits: number }> {
  const rows = await queryRows<{ reservations: number; credits: number }>(Prisma.sql`
    WITH "due" AS MATERIALIZED (
      SELECT "id" FROM "CreditSpend"
      WHERE "status" = 'HELD' AND "heldUntil" <= now() AND (${userId}::text IS NULL OR "userId" = ${userId})
      ORDER BY "heldUntil"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), "closed" AS (
      UPDATE "CreditSpend" s SET "status" = 'EXPIRED', "captured" = 0, "closedAt" = now()
      FROM "due" d WHERE s."id" = d."id"
      RETURNING s."id", s."userId", s."reason", s."amount"
    ), "held" AS (
      SELECT e."lotId", e."spendId", -e."amount" AS "give"
      FROM "CreditLedger" e WHERE e."spendId" IN (SELECT "id" FROM "closed") AND e."kind" = 'HOLD'
    ), "locked" AS MATERIALIZED (
      SELECT l."id" FROM "CreditLot" l WHERE l."id" IN (SELECT "lotId" FROM "held") ORDER BY l."userId", ${LOT_ORDER} FOR UPDATE
    ), "returned" AS (
      UPDATE "CreditLot" lot SET "remaining" = lot."remaining" + g."give"
      FROM (SELECT "lotId", SUM("give")::int AS "give" FROM "held" GROUP BY "lotId") g, "locked" k
      WHERE lot."id" = g."lotId" AND k."id" = g."lotId"
      RETURNING lot."id"
    ), "entries" AS (
      INSERT INTO "CreditLedger" ("id", "userId", "kind", "amount", "reason", "lotId", "spendId", "createdAt")
      SELECT gen_random_uuid()::text, c."userId", 'RELEASE'::"CreditEntryKind", h."give", c."reason" || ' (예약 시간 만료로 반환)',
             h."lotId", h."spendId", now() AT TIME ZONE 'UTC'
      FROM "held" h JOIN "closed" c ON c."id" = h."spendId"
      WHERE EXISTS (SELECT 1 FROM "returned" r WHERE r."id" = h."lotId")
    )
    SELECT COUNT(*)::int AS "reservations", COALESCE(SUM("amount"), 0)::int AS "credits" FROM "closed"`);
  return rows[0]!;
}
