import "server-only";
import { db } from "@/lib/db";

/**
 * Deletes counters whose window has ended (the reconcile cron runs it). Not needed for correctness:
 * the next request on a bucket restarts its window in place. This only keeps one-off buckets (an
 * e-mail tried once, an address seen once) from piling up.
 */
export async function deleteExpiredRateLimits(now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowEndsAt: { lte: now } } });
  return count;
}
