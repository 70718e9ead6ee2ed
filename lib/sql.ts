// The payment path's single statements (data-modifying CTEs written as Prisma.sql templates), run on
// the pool Prisma itself uses, without Prisma's query engine in between. `db.$queryRaw` spends about
// 0.3–0.4 ms of CPU per statement on its own (measured on this machine: 0.45–0.7 ms against 0.1–0.17 ms
// for the same statement through pg), and a purchase runs six such statements across the app and the
// sandbox. Same connections, same trace (lib/db-trace.ts), same statements; only the decoding differs,
// and it is made to match Prisma's: `timestamp(3)` columns (Prisma's DateTime, UTC without a zone) are
// read as UTC, where pg would read them in the process's local zone.
import "server-only";
import pg from "pg";
import { pool, type Prisma } from "@/lib/db";

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

/** "2026-11-22 23:31:36.123" (UTC by this schema's convention) → that instant. */
function parseUtcTimestamp(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/**
 * The rows of one statement, as `db.$queryRaw<T>` would return them. Values are sent as pg sends them:
 * Dates as ISO instants (never the local zone), arrays as PostgreSQL arrays, objects as JSON. Errors are
 * pg's own (lib/db-errors.ts and lib/db-unavailable.ts read both shapes).
 */
export async function queryRows<T>(statement: Prisma.Sql): Promise<T[]> {
  const values = statement.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const result = await pool.query({ text: statement.text, values, types });
  return result.rows as T[];
}
