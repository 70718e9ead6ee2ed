import "server-only";
import { db } from "@/lib/db";

export interface CreditEntry {
  id: string;
  kind: "GRANT" | "REVERSAL" | "SPEND" | "ADJUSTMENT";
  amount: number;
  reason: string;
  orderId: string | null;
  createdAt: string;
}

/** The user's balance and their most recent ledger entries, newest first. */
export async function getCredits(userId: string, limit = 50): Promise<{ balance: number; entries: CreditEntry[] }> {
  const [balance, entries] = await Promise.all([
    db.creditBalance.findUnique({ where: { userId }, select: { balance: true } }),
    db.creditLedger.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: limit,
      include: { order: { select: { orderId: true } } },
    }),
  ]);
  return { balance: balance?.balance ?? 0, entries: entries.map(toCreditEntry) };
}

type LedgerRow = { id: string; kind: CreditEntry["kind"]; amount: number; reason: string; createdAt: Date; order: { orderId: string } | null };

function toCreditEntry(e: LedgerRow): CreditEntry {
  return {
    id: e.id,
    kind: e.kind,
    amount: e.amount,
    reason: e.reason,
    orderId: e.order?.orderId ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * The balance and recent entries of a user who still exists, or null when no such user does (a session
 * outlives a deleted account): GET /api/credits in one statement, one round trip, whatever the number
 * of entries. Same shape and order as getCredits.
 */
export async function getCreditsOfExistingUser(userId: string, limit = 50): Promise<{ balance: number; entries: CreditEntry[] } | null> {
  const rows = await db.$queryRaw<{ balance: number; entries: CreditEntry[] }[]>`
    SELECT
      COALESCE((SELECT b.balance FROM "CreditBalance" b WHERE b."userId" = u.id), 0)::int AS balance,
      COALESCE((
        SELECT json_agg(json_build_object(
                 'id', e.id, 'kind', e.kind, 'amount', e.amount, 'reason', e.reason, 'orderId', e."orderId",
                 'createdAt', to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
               ORDER BY e."createdAt" DESC, e.id DESC)
        FROM (
          SELECT l.id, l.kind, l.amount, l.reason, o."orderId", l."createdAt"
          FROM "CreditLedger" l LEFT JOIN "Order" o ON o.id = l."orderId"
          WHERE l."userId" = u.id
          ORDER BY l."createdAt" DESC, l.id DESC
          LIMIT ${limit}
        ) e
      ), '[]'::json) AS entries
    FROM "User" u
    WHERE u.id = ${userId}`;
  return rows[0] ?? null;
}

/** One order's entries (its grant, then what its cancels took back), newest first. */
export async function getOrderCreditEntries(userId: string, orderId: string): Promise<CreditEntry[]> {
  const entries = await db.creditLedger.findMany({
    where: { userId, order: { orderId } },
    orderBy: { createdAt: "desc" },
    include: { order: { select: { orderId: true } } },
  });
  return entries.map(toCreditEntry);
}

/** Just the balance (the header shows it on every page). */
export async function getBalance(userId: string): Promise<number> {
  const row = await db.creditBalance.findUnique({ where: { userId }, select: { balance: true } });
  return row?.balance ?? 0;
}
