import "server-only";
import { db } from "@/lib/db";
import type { RateLimitRule } from "./limits";

export interface RateLimitCharge {
  /** from bucketKey() */
  key: string;
  rule: RateLimitRule;
}

export interface RateLimitVerdict {
  /** every bucket is within its limit, this request included */
  allowed: boolean;
  /** when refused: seconds until the last refusing bucket's window ends (>= 1); 0 when allowed */
  retryAfterSeconds: number;
  buckets: { key: string; hits: number; allowed: boolean; retryAfterSeconds: number }[];
}

interface Row {
  key: string;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Counts one request against each bucket and says whether all of them are still within their limit.
 * One statement, one round trip, whatever the number of buckets: each row is created, counted up, or
 * restarted when its window has ended, under the row lock PostgreSQL's upsert takes, so concurrent
 * requests on any number of instances are counted exactly (20 at once against a limit of 5: 5 pass).
 * A refused request is counted too; it cannot stretch the window, which is fixed at its first request.
 * Time is the database's clock (one clock for every instance); `at` replaces it in tests.
 */
export async function consumeRateLimits(charges: readonly RateLimitCharge[], at?: Date): Promise<RateLimitVerdict> {
  if (charges.length === 0) return { allowed: true, retryAfterSeconds: 0, buckets: [] };
  if (new Set(charges.map((c) => c.key)).size !== charges.length) throw new Error("consumeRateLimits: a bucket named twice");

  // Sorted keys: concurrent statements lock shared rows in one order, so they cannot deadlock.
  const sorted = [...charges].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keys = sorted.map((c) => c.key);
  const windows = sorted.map((c) => c.rule.windowSeconds);
  const rows = await db.$queryRaw<Row[]>`
    WITH clock AS (SELECT COALESCE(${at ?? null}::timestamptz, now()) AS now)
    INSERT INTO "RateLimit" AS r ("key", "hits", "windowEndsAt")
    SELECT b.key, 1, clock.now + b.seconds * interval '1 second'
    FROM unnest(${keys}::text[], ${windows}::int[]) WITH ORDINALITY AS b(key, seconds, n), clock
    ORDER BY b.n
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN r."windowEndsAt" <= (SELECT now FROM clock) THEN 1 ELSE r."hits" + 1 END,
      "windowEndsAt" = CASE WHEN r."windowEndsAt" <= (SELECT now FROM clock) THEN EXCLUDED."windowEndsAt" ELSE r."windowEndsAt" END
    RETURNING r."key", r."hits",
      ceil(extract(epoch FROM r."windowEndsAt" - (SELECT now FROM clock)))::int AS "retryAfterSeconds"`;

  const byKey = new Map(rows.map((row) => [row.key, row]));
  const buckets = sorted.map(({ key, rule }) => {
    const row = byKey.get(key);
    if (!row) throw new Error(`consumeRateLimits: no row returned for ${key}`);
    const hits = Number(row.hits);
    return { key, hits, allowed: hits <= rule.limit, retryAfterSeconds: Math.max(1, Number(row.retryAfterSeconds)) };
  });
  const refused = buckets.filter((b) => !b.allowed);
  return {
    allowed: refused.length === 0,
    retryAfterSeconds: refused.length ? Math.max(...refused.map((b) => b.retryAfterSeconds)) : 0,
    buckets,
  };
}
