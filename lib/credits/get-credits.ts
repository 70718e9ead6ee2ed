import "server-only";
import { db } from "@/lib/db";
import { getBalance, getCreditSummary, lotsCte, summaryColumns, type CreditSummary } from "./lots";

export type CreditEntryKind = "GRANT" | "REVERSAL" | "SPEND" | "ADJUSTMENT" | "BONUS" | "HOLD" | "RELEASE" | "EXPIRE";

export interface CreditEntry {
  id: string;
  kind: CreditEntryKind;
  amount: number;
  reason: string;
  orderId: string | null;
  /** the lot this entry changed: its reason ("프로 팩 구매", a bonus's name) and when it was granted */
  lot: { id: string; reason: string; createdAt: string } | null;
  /** REVERSAL: credits due that the lot no longer had */
  shortfall: number;
  createdAt: string;
}

/** The user's balance, lots (held credits, next expiry) and their most recent ledger entries, newest first. */
export async function getCredits(userId: string, limit = 50): Promise<CreditSummary & { entries: CreditEntry[] }> {
  const [summary, entries] = await Promise.all([
    getCreditSummary(userId),
    db.creditLedger.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      include: { order: { select: { orderId: true } }, lot: { select: { id: true, reason: true, createdAt: true } } },
    }),
  ]);
  return { ...summary, entries: entries.map(toCreditEntry) };
}

type LedgerRow = {
  id: string;
  kind: CreditEntry["kind"];
  amount: number;
  reason: string;
  shortfall: number;
  createdAt: Date;
  order: { orderId: string } | null;
  lot: { id: string; reason: string; createdAt: Date } | null;
};

function toCreditEntry(e: LedgerRow): CreditEntry {
  return {
    id: e.id,
    kind: e.kind,
    amount: e.amount,
    reason: e.reason,
    orderId: e.order?.orderId ?? null,
    lot: e.lot ? { id: e.lot.id, reason: e.lot.reason, createdAt: e.lot.createdAt.toISOString() } : null,
    shortfall: e.shortfall,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * The summary (balance, held, next expiry, lots) and recent entries of a user who still exists, or null
 * when no such user does (a session outlives a deleted account): GET /api/credits in one statement, one
 * round trip, whatever the number of entries. Same shape and order as getCredits.
 */
export async function getCreditsOfExistingUser(userId: string, limit = 50): Promise<(CreditSummary & { entries: CreditEntry[] }) | null> {
  const rows = await db.$queryRaw<(CreditSummary & { entries: CreditEntry[] })[]>`
    WITH ${lotsCte(userId)}
    SELECT
      ${summaryColumns(userId, 50)},
      COALESCE((
        SELECT json_agg(json_build_object(
                 'id', e.id, 'kind', e.kind, 'amount', e.amount, 'reason', e.reason, 'orderId', e."orderId",
                 'lot', CASE WHEN e."lotId" IS NULL THEN NULL ELSE json_build_object('id', e."lotId", 'reason', e."lotReason",
                   'createdAt', to_char(e."lotCreatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END,
                 'shortfall', e.shortfall,
                 'createdAt', to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
               ORDER BY e."createdAt" DESC, e.id DESC)
        FROM (
          SELECT l.id, l.kind, l.amount, l.reason, o."orderId", l."createdAt", l."lotId", l.shortfall,
                 t.reason AS "lotReason", t."createdAt" AS "lotCreatedAt"
          FROM "CreditLedger" l LEFT JOIN "Order" o ON o.id = l."orderId" LEFT JOIN "CreditLot" t ON t.id = l."lotId"
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
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { order: { select: { orderId: true } }, lot: { select: { id: true, reason: true, createdAt: true } } },
  });
  return entries.map(toCreditEntry);
}

/** Just the balance (the header shows it on every page): what the user's unexpired lots have left. */
export { getBalance };
