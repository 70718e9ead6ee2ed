import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "@/lib/pool";

/** How long an interactive transaction waits to start (a connection of the pool), in ms. */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

// One client per server instance, on the instance's one pool (Next.js dev reloads modules; keep it across reloads).
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };
// An interactive transaction waits up to 10 s for a connection of the pool (Prisma's default is 2 s): a burst
// of requests on one instance (5 connections in production) queues rather than failing with a 500, well
// within a function's 30 s. Seen under load: "Unable to start a transaction in the given time".
export const db =
  globalForDb.prisma ??
  new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
if (!env.isProduction) globalForDb.prisma = db;

/** The pool under `db` (lib/pool.ts): lib/sql.ts runs the payment path's single statements on it directly. */
export { pool };

/** The client or an interactive transaction's client: functions that write take this. */
export type Tx = Prisma.TransactionClient | typeof db;

export { Prisma };
