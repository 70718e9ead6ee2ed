import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { tracePool } from "@/lib/db-trace";
import { env } from "@/lib/env";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

function createDatabase() {
  const pool = tracePool(new pg.Pool({ connectionString: env.databaseUrl, max: env.isProduction ? 5 : 10 }));
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
}

// One client per server instance (Next.js dev reloads modules; keep the pool across reloads).
const globalForDb = globalThis as unknown as { database?: ReturnType<typeof createDatabase> };
const database = globalForDb.database ?? createDatabase();
if (!env.isProduction) globalForDb.database = database;

export const db = database.prisma;

/** The pool under `db`: lib/sql.ts runs the payment path's single statements on it directly. */
export const pool: pg.Pool = database.pool;

/** The client or an interactive transaction's client: functions that write take this. */
export type Tx = Prisma.TransactionClient | typeof db;

export { Prisma };
