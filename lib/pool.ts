// The server instance's one PostgreSQL pool. Prisma (lib/db.ts) runs on it, lib/sql.ts sends the
// payment path's single statements on it, and the health ping (lib/database-health.ts) asks it alone:
// proxy.ts pings before every page, and a cold instance's first request need not load Prisma's
// client for that (issue #20).
import "server-only";
import { attachDatabasePool } from "@vercel/functions/db-connections";
import pg from "pg";
import { tracePool } from "@/lib/db-trace";
import { env } from "@/lib/env";
import { logEvent } from "@/lib/log";

/**
 * An idle connection is closed after 5 s, the short timeout Vercel suggests for Fluid compute: far below
 * the minutes after which a pooler, Neon's scale to zero or a NAT drops one, and on Vercel it is also how
 * long an instance stays up after its last query (attachDatabasePool, below). The price: a request after
 * a quiet spell opens a new connection.
 */
export const IDLE_TIMEOUT_MS = 5_000;
/** What pg_stat_activity (and Supabase's and Neon's dashboards) show for our connections; the URL's own wins. */
export const APPLICATION_NAME = "toss-credit-checkout";

export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = tracePool(new pg.Pool({ connectionString, max, idleTimeoutMillis: IDLE_TIMEOUT_MS, application_name: APPLICATION_NAME }));
  // An idle connection the server or the network dropped: pg has already removed it from the pool, and
  // the next query opens another. With no listener this event crashes the process (Prisma's adapter
  // adds a silent one, but only once Prisma has run a query on this instance).
  pool.on("error", (error: Error & { code?: string }) => logEvent("warn", "db.idle_connection_lost", { code: error.code, message: error.message }));
  // On Vercel (Fluid compute) the instance stays up until released connections have idled out and
  // closed, instead of being suspended with them open; elsewhere a no-op (it needs VERCEL_REGION).
  attachDatabasePool(pool);
  return pool;
}

// One pool per server instance (Next.js dev reloads modules; keep it across reloads).
const globalForPool = globalThis as unknown as { databasePool?: pg.Pool };

export const pool: pg.Pool = globalForPool.databasePool ?? createPool(env.databaseUrl, env.isProduction ? 5 : 10);
if (!env.isProduction) globalForPool.databasePool = pool;
