import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "@/lib/pool";

// One client per server instance, on the instance's one pool (Next.js dev reloads modules; keep it across reloads).
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };
export const db = globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
if (!env.isProduction) globalForDb.prisma = db;

/** The pool under `db` (lib/pool.ts): lib/sql.ts runs the payment path's single statements on it directly. */
export { pool };

/** The client or an interactive transaction's client: functions that write take this. */
export type Tx = Prisma.TransactionClient | typeof db;

export { Prisma };
