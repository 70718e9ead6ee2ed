// Notices to buyers (issue #23): written by the statement that makes their event (a plan disabled by a
// declined card writes its notice in the same statement), one per dedupeKey however many runs race, shown
// on the account page until dismissed, and e-mailed through the outbox (mail.ts) when a transport is set.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { logEvent } from "@/lib/log";
import { reportError } from "@/lib/observability/report";
import type { NoticeRecord } from "./kinds";
import { deliverNotices } from "./mail";

/**
 * The emailStatus of a notice being inserted, for SQL: PENDING when a transport is configured and the
 * user (aliased `u` in the statement) has an address, else NONE.
 */
export function emailStatusSql(userAlias = "u"): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${env.mail !== null} AND ${Prisma.raw(`"${userAlias}"."email"`)} IS NOT NULL THEN 'PENDING' ELSE 'NONE' END)::"NoticeEmailStatus"`;
}

/** Sends the e-mail of notices just made; a failure is logged and left to the cron, never thrown. */
export async function mailNewNotices(rows: { id: string; emailStatus: string }[]): Promise<void> {
  const ids = rows.filter((row) => row.emailStatus === "PENDING").map((row) => row.id);
  if (ids.length === 0) return;
  try {
    await deliverNotices({ ids });
  } catch (error) {
    logEvent("error", "notice.deliver_failed", { ids, error: String(error) });
    reportError(error, "notice.deliver", { details: { count: ids.length } });
  }
}

/** The user's notices not yet dismissed, newest first. */
export async function unreadNotices(userId: string, limit = 5): Promise<NoticeRecord[]> {
  const rows = await db.notice.findMany({
    where: { userId, readAt: null },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, userId: true, kind: true, data: true, createdAt: true },
  });
  return rows as unknown as NoticeRecord[];
}

/** The buyer dismisses one of their notices (another user's id changes nothing). */
export async function dismissNotice(userId: string, id: string): Promise<boolean> {
  const { count } = await db.notice.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  return count === 1;
}
