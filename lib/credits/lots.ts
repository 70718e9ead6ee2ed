// Credits as lots (CreditLot): each grant keeps what is left of it and until when. The SQL every credit
// statement shares lives here: the order spends draw lots in, what counts toward the balance, and the
// balance itself. A balance is never stored: it is the sum of the user's unexpired lots' `remaining`,
// which CHECK constraints keep between 0 and each lot's amount.
import "server-only";
import { Prisma } from "@/lib/db";
import { queryRows } from "@/lib/sql";

/** Lot priorities: lower is spent first. */
export const LOT_PRIORITY = { BONUS: 0, PAID: 1 } as const;

/**
 * The order spends draw lots in: bonus before paid, then the earliest expiry (never-expiring last), then
 * the oldest. `id` makes it total, so that every statement locks a user's lots in the same order and
 * two of them cannot deadlock on each other.
 */
export const LOT_ORDER = Prisma.raw(`"priority", "expiresAt" ASC NULLS LAST, "createdAt", "id"`);

/** A lot counts toward the balance while it has credits and has not expired. */
export const LOT_OPEN = Prisma.raw(`"remaining" > 0 AND ("expiresAt" IS NULL OR "expiresAt" > now())`);

/** The user's balance: what their unexpired lots have left (held credits are not in it). */
export async function getBalance(userId: string): Promise<number> {
  const rows = await queryRows<{ balance: number }>(Prisma.sql`
    SELECT COALESCE(SUM("remaining"), 0)::int AS "balance" FROM "CreditLot" WHERE "userId" = ${userId} AND ${LOT_OPEN}`);
  return rows[0]?.balance ?? 0;
}

export interface LotView {
  id: string;
  source: "ORDER" | "BONUS" | "ADJUSTMENT";
  /** the order's orderId (what Toss and the buyer see), for ORDER lots */
  orderId: string | null;
  reason: string;
  amount: number;
  remaining: number;
  /** credits of this lot held for reservations right now */
  held: number;
  expiresAt: string | null;
  expired: boolean;
  createdAt: string;
}

export interface CreditSummary {
  balance: number;
  /** credits held for reservations (not in the balance) */
  held: number;
  /** the next lot to expire with credits left, if any */
  nextExpiry: { credits: number; expiresAt: string } | null;
  lots: LotView[];
}

/** The `"lots"` CTE of a summary: the user's lots with their order's public id, expiry and held credits. */
export function lotsCte(userId: Prisma.Sql | string): Prisma.Sql {
  return Prisma.sql`"lots" AS (
      SELECT l.*, o."orderId" AS "publicOrderId",
             (l."expiresAt" IS NOT NULL AND l."expiresAt" <= now()) AS "expired",
             COALESCE((SELECT -SUM(e."amount") FROM "CreditLedger" e JOIN "CreditSpend" s ON s."id" = e."spendId"
                       WHERE e."lotId" = l."id" AND s."status" = 'HELD' AND e."kind" = 'HOLD'), 0)::int AS "held"
      FROM "CreditLot" l LEFT JOIN "Order" o ON o."id" = l."orderId"
      WHERE l."userId" = ${userId}
    )`;
}

/** A summary's columns over `lotsCte`: "balance", "held", "nextExpiry" and "lots" (CreditSummary). */
export function summaryColumns(userId: Prisma.Sql | string, limit: number): Prisma.Sql {
  return Prisma.sql`
      COALESCE((SELECT SUM("remaining") FROM "lots" WHERE "remaining" > 0 AND NOT "expired"), 0)::int AS "balance",
      COALESCE((SELECT SUM("amount") FROM "CreditSpend" WHERE "userId" = ${userId} AND "status" = 'HELD'), 0)::int AS "held",
      (SELECT json_build_object('credits', SUM(o."remaining"), 'expiresAt', to_char(MIN(o."expiresAt") AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         FROM "lots" o
         WHERE o."remaining" > 0 AND NOT o."expired" AND ((o."expiresAt" - interval '1 millisecond') AT TIME ZONE 'Asia/Seoul')::date =
               (SELECT ((MIN(f."expiresAt") - interval '1 millisecond') AT TIME ZONE 'Asia/Seoul')::date FROM "lots" f WHERE f."remaining" > 0 AND NOT f."expired")
         HAVING COUNT(*) > 0
      ) AS "nextExpiry",
      COALESCE((
        SELECT json_agg(json_build_object(
                 'id', x."id", 'source', x."source", 'orderId', x."publicOrderId", 'reason', x."reason",
                 'amount', x."amount", 'remaining', x."remaining", 'held', x."held",
                 'expiresAt', to_char(x."expiresAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'expired', x."expired",
                 'createdAt', to_char(x."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
               ORDER BY x."open" DESC, x."createdAt" DESC, x."id" DESC)
        FROM (
          SELECT *, ("remaining" > 0 AND NOT "expired") AS "open" FROM "lots"
          ORDER BY ("remaining" > 0 AND NOT "expired") DESC, "createdAt" DESC, "id" DESC LIMIT ${limit}
        ) x
      ), '[]'::json) AS "lots"`;
}

/**
 * A user's lots (at most `limit`, open ones first, newest first), with the balance, the credits held and
 * what expires next (the credits of every open lot usable until the same last Seoul day as the first to
 * expire; a lot that ends at 00:00 KST belongs to the day before, as the account page words it): one
 * statement.
 */
export async function getCreditSummary(userId: string, limit = 50): Promise<CreditSummary> {
  const rows = await queryRows<CreditSummary>(Prisma.sql`WITH ${lotsCte(userId)} SELECT ${summaryColumns(userId, limit)}`);
  return rows[0]!;
}

/** An order's lot (by the orderId Toss sees), for the buyer's refund and the operator's console; null before it is paid. */
export async function getOrderLot(orderId: string): Promise<{ id: string; amount: number; remaining: number; held: number; expiresAt: Date | null } | null> {
  const rows = await queryRows<{ id: string; amount: number; remaining: number; held: number; expiresAt: Date | null }>(Prisma.sql`
    SELECT l."id", l."amount", l."remaining", l."expiresAt",
           COALESCE((SELECT -SUM(e."amount") FROM "CreditLedger" e JOIN "CreditSpend" s ON s."id" = e."spendId"
                     WHERE e."lotId" = l."id" AND s."status" = 'HELD' AND e."kind" = 'HOLD'), 0)::int AS "held"
    FROM "CreditLot" l JOIN "Order" o ON o."id" = l."orderId" WHERE o."orderId" = ${orderId}`);
  return rows[0] ?? null;
}
