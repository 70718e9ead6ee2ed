// The server instance's one PostgreSQL pool. Prisma (lib/db.ts) runs on it, lib/sql.ts sends the
// payment path's single statements on it, and the health ping (lib/database-health.ts) asks it alone:
// proxy.ts pings before every page, and a cold instance's first request need not load Prisma's
// client for that (issue #20).
import "server-only";
import pg from "pg";
import { tracePool } from "@/lib/db-trace";
import { env } from "@/lib/env";

// One pool per server instance (Next.js dev reloads modules; keep it across reloads).
const globalForPool = globalThis as unknown as { databasePool?: pg.Pool };

export const pool: pg.Pool = globalForPool.databasePool ?? tracePool(new pg.Pool({ connectionString: env.databaseUrl, max: env.isProduction ? 5 : 10 }));
if (!env.isProduction) globalForPool.databasePool = pool;
