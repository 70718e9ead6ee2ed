// The payment path's single statements (data-modifying CTEs written as Prisma.sql templates), run on
// the pool Prisma itself uses, without Prisma's query engine in between. `db.$queryRaw` spends about
// 0.3–0.4 ms of CPU per statement on its own (measured on this machine: 0.45–0.7 ms against 0.1–0.17 ms
// for the same statement through pg), and a purchase runs six such statements across the app and the
// sandbox. Same connections, same trace (lib/db-trace.ts), same statements; only the decoding differs,
// and it is made to match Prisma's: `timestamp(3)` columns (Prisma's DateTime, UTC without a zone) are
// read as UTC, where pg would read them in the process's local zone.
// Each statement is prepared once per connection (a named statement) and only bound and run after that:
// PostgreSQL spends about 2 ms parsing and planning the settle's data-modifying CTE, against 0.5 ms to
// run it (measured here; the database's CPU, on every purchase). A transaction pooler that cannot keep
// named statements (PgBouncer before 1.21 in transaction mode) is named by `pgbouncer=true` in
// DATABASE_URL, as Prisma and Supabase document it: then every statement is sent unnamed, as before.
// Without the flag, the first statement such a pooler loses turns naming off for the instance.
import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/lib/db";
import { pool } from "@/lib/pool";
import { env } from "@/lib/env";
import { logEvent } from "@/lib/log";

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
  const name = prepare ? statementName(statement.text) : undefined;
  try {
    return (await pool.query({ name, text: statement.text, values, types })).rows as T[];
  } catch (error) {
    const stale = name ? stalePreparedStatement(error) : null;
    if (!stale) throw error;
    if (stale === "pooler" && prepare) {
      // A transaction pooler between us and PostgreSQL that cannot keep named statements (PgBouncer
      // before 1.21, no pgbouncer=true in the URL): this instance stops naming them.
      prepare = false;
      logEvent("warn", "db.prepared_statements_off", { code: (error as { code?: string }).code });
    }
    // Nothing ran (PostgreSQL refuses such a statement before executing it), and pg has dropped that
    // connection: once more unnamed, on another.
    return (await pool.query({ text: statement.text, values, types })).rows as T[];
  }
}

/** Off behind a pooler that cannot keep named statements: `pgbouncer=true` in the URL (Prisma's flag). */
export function preparesStatements(databaseUrl: string): boolean {
  try {
    return new URL(databaseUrl).searchParams.get("pgbouncer") !== "true";
  } catch {
    return true;
  }
}

let prepare = preparesStatements(env.databaseUrl);

/** A statement's name on every connection: its text's digest (pg refuses one name for two texts). */
const names = new Map<string, string>();
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `q_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Why a named statement could not run as prepared, if that is why it failed: a migration changed the
 * columns of a table it reads with `*` ("plan": 0A000 "cached plan must not change result type"), or a
 * pooler gave us a server session that lacks it or already has it ("pooler": 26000, 42P05).
 */
function stalePreparedStatement(error: unknown): "plan" | "pooler" | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === "26000" || code === "42P05") return "pooler";
  if (code === "0A000" && typeof message === "string" && message.includes("cached plan must not change result type")) return "plan";
  return null;
}
