import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { tracePool } from "@/lib/db-trace";
import { env } from "@/lib/env";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const pool = tracePool(new pg.Pool({ connectionString: env.databaseUrl, max: env.isProduction ? 5 : 10 }));
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

// One client per server instance (Next.js dev reloads modules; keep the pool across reloads).
const globalForDb = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };

export const db = globalForDb.prisma ?? createClient();
if (!env.isProduction) globalForDb.prisma = db;

/** The client or an interactive transaction's client: functions that write take this. */
export type Tx = Prisma.TransactionClient | typeof db;

export { Prisma };
