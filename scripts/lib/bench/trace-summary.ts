// Reads what lib/db-trace.ts wrote (one JSON line per query) and sums it per traced request: the
// sequential round trips and committed transactions of each, before and after its response. Shared by
// `npm run bench` and the round-trip tests, so that both count the same way.
import { openSync, readSync, fstatSync, closeSync, existsSync } from "node:fs";

export interface TraceLine {
  scope: string;
  label: string;
  phase: "request" | "after";
  rt: 0 | 1;
  tx: 0 | 1;
  connect?: 1;
  sql: string;
}

export interface ScopeCount {
  label: string;
  /** sequential round trips while the request was answered */
  roundTrips: number;
  /** … and after its response (next/server after(): the sandbox's webhook sends) */
  roundTripsAfter: number;
  /** committed transactions (COMMITs and statements outside a transaction), before and after the response */
  commits: number;
  queries: number;
  /** new database connections opened */
  connects: number;
  sql: string[];
}

/** The trace file's size now: read from here on to see only what follows. */
export function traceOffset(file: string): number {
  if (!existsSync(file)) return 0;
  const fd = openSync(file, "r");
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

export function readTrace(file: string, from = 0): TraceLine[] {
  if (!existsSync(file)) return [];
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.max(0, size - from));
    readSync(fd, buffer, 0, buffer.length, from);
    return buffer
      .toString("utf8")
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as TraceLine);
  } finally {
    closeSync(fd);
  }
}

/** Per traced request (untraced queries, such as the pump's, under their own label). */
export function countByScope(lines: TraceLine[]): ScopeCount[] {
  const scopes = new Map<string, ScopeCount>();
  for (const line of lines) {
    const key = line.scope === "untraced" ? `untraced` : line.scope;
    let s = scopes.get(key);
    if (!s) {
      s = { label: line.label, roundTrips: 0, roundTripsAfter: 0, commits: 0, queries: 0, connects: 0, sql: [] };
      scopes.set(key, s);
    }
    if (line.connect) {
      s.connects++;
      continue;
    }
    s.queries++;
    if (line.phase === "after") s.roundTripsAfter += line.rt;
    else s.roundTrips += line.rt;
    s.commits += line.tx;
    s.sql.push(`${line.phase === "after" ? "(after) " : ""}${line.rt ? "" : "∥ "}${line.sql}`);
  }
  return [...scopes.values()];
}

/** The scopes of one label, summed (several lookups of one webhook, say). */
export function sumOf(scopes: ScopeCount[], label: string) {
  const matching = scopes.filter((s) => s.label === label);
  return {
    requests: matching.length,
    roundTrips: matching.reduce((n, s) => n + s.roundTrips, 0),
    roundTripsAfter: matching.reduce((n, s) => n + s.roundTripsAfter, 0),
    commits: matching.reduce((n, s) => n + s.commits, 0),
    queries: matching.reduce((n, s) => n + s.queries, 0),
  };
}
