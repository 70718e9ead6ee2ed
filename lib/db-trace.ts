// Counts database round trips and committed transactions per request, from the driver itself, for
// `npm run bench` and the round-trip tests. Off unless DB_TRACE_FILE is set: then every query on the
// pool appends one JSON line to that file:
//   {scope, label, phase, rt, tx, connect?, sql}
// - scope/label: the traced request (traceDb below); "untraced" for queries outside any.
// - phase: "request" until the handler has returned, "after" for work that runs after the response
//   (next/server after(): the sandbox's webhook sends).
// - rt: 1 when the query started while no other query of its scope was in flight, that is, one more
//   sequential round trip to wait for; queries sent in parallel share one.
// - tx: 1 when the query ended a committed transaction (a COMMIT, or a statement outside BEGIN…COMMIT).
// No parameter values are written: only the first words of each statement.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { env } from "@/lib/env";

interface TraceScope {
  id: string;
  label: string;
  phase: "request" | "after";
  inFlight: number;
}

export interface TraceLine {
  scope: string;
  label: string;
  phase: "request" | "after";
  rt: 0 | 1;
  tx: 0 | 1;
  connect?: 1;
  sql: string;
}

const scopes = new AsyncLocalStorage<TraceScope>();
const traceFile = env.dbTraceFile;
if (traceFile) mkdirSync(path.dirname(traceFile), { recursive: true });
// Opened once, for appending: a line is one write(2), not an open, a write and a close. Every query
// of a traced server writes one, on the request's own time (the bench's latencies are read elsewhere,
// on an untraced server, but its counts here).
let traceFd: number | null = null;

/** Runs a request's work as one traced scope (a plain call when tracing is off). */
export async function traceDb<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!traceFile) return work();
  const scope: TraceScope = { id: randomUUID(), label, phase: "request", inFlight: 0 };
  try {
    return await scopes.run(scope, work);
  } finally {
    scope.phase = "after";
  }
}

/** A route handler traced under `label`. */
export function traced<A extends unknown[]>(label: string, handler: (...args: A) => Promise<Response>) {
  if (!traceFile) return handler;
  return (...args: A) => traceDb(label, () => handler(...args));
}

function write(line: TraceLine) {
  try {
    traceFd ??= openSync(traceFile!, "a");
    writeSync(traceFd, `${JSON.stringify(line)}\n`);
  } catch {
    // a trace is best effort: never fail a query over it
  }
}

function base(scope: TraceScope | undefined) {
  return { scope: scope?.id ?? "untraced", label: scope?.label ?? "untraced", phase: scope?.phase ?? "request" } as const;
}

type Query = (...args: unknown[]) => unknown;

/** Wraps a new pool connection's query method (call from the pool's "connect" event). */
function traceClient(client: pg.PoolClient) {
  const original = client.query.bind(client) as Query;
  let inTransaction = false;
  write({ ...base(scopes.getStore()), rt: 0, tx: 0, connect: 1, sql: "(connect)" });
  (client as unknown as { query: Query }).query = (...args: unknown[]) => {
    const scope = scopes.getStore();
    const first = args[0];
    const text = (typeof first === "string" ? first : ((first as { text?: string })?.text ?? "")).trim();
    const word = text.slice(0, 8).toUpperCase();
    const rt: 0 | 1 = !scope || scope.inFlight === 0 ? 1 : 0;
    if (scope) scope.inFlight++;
    const opensTransaction = word.startsWith("BEGIN");
    const wasInTransaction = inTransaction;
    if (opensTransaction) inTransaction = true;
    if (word.startsWith("COMMIT") || word.startsWith("ROLLBACK")) inTransaction = false;
    const done = (ok: boolean) => {
      if (scope) scope.inFlight--;
      const committed = ok && (word.startsWith("COMMIT") || (!wasInTransaction && !opensTransaction && !word.startsWith("ROLLBACK")));
      write({ ...base(scope), rt, tx: committed ? 1 : 0, sql: text.replace(/\s+/g, " ").slice(0, 80) });
    };
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: unknown, result: unknown) => void;
      return original(...args.slice(0, -1), (error: unknown, result: unknown) => {
        done(!error);
        callback(error, result);
      });
    }
    const result = original(...args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).then(
        () => done(true),
        () => done(false),
      );
    }
    return result;
  };
}

/** Traces every connection of `pool` when DB_TRACE_FILE is set. */
export function tracePool(pool: pg.Pool): pg.Pool {
  if (traceFile) pool.on("connect", (client) => traceClient(client));
  return pool;
}
