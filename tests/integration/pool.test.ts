// lib/pool.ts on Fluid compute's terms, against the test database:
// - a server that drops idle connections (idle_session_timeout for the probe's sessions only, as a pooler
//   or a NAT drops them): each drop is logged, the process lives on, and the next query gets a new
//   connection; without the pool's "error" listener the same drop kills the process;
// - idle connections are closed after IDLE_TIMEOUT_MS, counted in pg_stat_activity by application_name;
// - on Vercel, attachDatabasePool keeps the instance up (waitUntil) until those connections are closed;
// - the connections carry the app's application_name.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_NAME, createPool, IDLE_TIMEOUT_MS } from "@/lib/pool";

const testDatabase = process.env.DATABASE_URL!;

function probe(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "../helpers/idle-connections-probe.mts")], {
      env: { ...process.env, DB_TRACE_FILE: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** The test database's URL with these parameters (each of this file's pools names itself). */
function urlWith(params: Record<string, string>): string {
  const url = new URL(testDatabase);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

describe("a server that drops idle connections", () => {
  const dropsIdleSessions = urlWith({ options: "-c idle_session_timeout=500", application_name: `pool-drop-${randomUUID().slice(0, 8)}` });

  it("each drop is logged and the process lives on: the next query opens a new connection", async () => {
    const { code, output } = await probe({ DATABASE_URL: dropsIdleSessions });
    expect(code, output).toBe(0);
    expect(output).toContain('{"result":{"answer":42}}');
    const lost = output.split("\n").filter((line) => line.includes('"event":"db.idle_connection_lost"'));
    expect(lost).toHaveLength(3);
    for (const line of lost) expect(JSON.parse(line)).toMatchObject({ level: "warn", code: "57P05", message: "terminating connection due to idle-session timeout" });
  }, 30_000);

  it("without the pool's error listener the same drop kills the process (what the listener prevents)", async () => {
    const { code, output } = await probe({ DATABASE_URL: dropsIdleSessions, PROBE_WITHOUT_LISTENER: "1" });
    expect(code, output).not.toBe(0);
    expect(output).toContain("terminating connection due to idle-session timeout");
    expect(output).not.toContain('"result"');
  }, 30_000);
});

describe("the pool's idle connections", () => {
  const name = `pool-idle-${randomUUID().slice(0, 8)}`;
  let observer: pg.Client;
  let pool: pg.Pool;
  const connections = async () =>
    (await observer.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1", [name])).rows[0]!.n;
  /** Milliseconds from `since` until no connection of this file's pool is left (10 s at most). */
  async function closedAfter(since: number): Promise<number> {
    while ((await connections()) > 0) {
      if (Date.now() - since > IDLE_TIMEOUT_MS + 5_000) throw new Error("idle connections were not closed");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Date.now() - since;
  }

  beforeAll(async () => {
    observer = new pg.Client({ connectionString: testDatabase });
    await observer.connect();
    pool = createPool(urlWith({ application_name: name }), 5);
  });
  afterAll(async () => {
    await pool?.end();
    await observer?.end();
  });

  it(`are closed ${IDLE_TIMEOUT_MS} ms after their last use, not before`, async () => {
    const clients = await Promise.all([0, 1, 2].map(() => pool.connect()));
    expect(await connections()).toBe(3);
    for (const client of clients) client.release();
    const elapsed = await closedAfter(Date.now());
    expect(elapsed).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(IDLE_TIMEOUT_MS + 3_000);
    expect(pool.totalCount).toBe(0);
  }, 20_000);

  describe("on Vercel (Fluid compute)", () => {
    const context = Symbol.for("@vercel/request-context");
    const saved = { VERCEL_URL: process.env.VERCEL_URL, VERCEL_REGION: process.env.VERCEL_REGION };
    afterEach(() => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      delete (globalThis as Record<symbol, unknown>)[context];
    });

    it("the request is held open (waitUntil) until the released connection has idled out and closed", async () => {
      // What Vercel's runtime provides: its variables, and the request's context with waitUntil.
      process.env.VERCEL_URL = "shop-abc123-team.vercel.app";
      process.env.VERCEL_REGION = "icn1";
      const held: Promise<unknown>[] = [];
      (globalThis as Record<symbol, unknown>)[context] = { get: () => ({ waitUntil: (promise: Promise<unknown>) => held.push(promise) }) };

      await pool.query("SELECT 1");
      const released = Date.now();
      expect(held).toHaveLength(1);
      expect(pool.totalCount).toBe(1);
      await held[0];
      expect(Date.now() - released).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 100);
      expect(pool.totalCount).toBe(0); // closed by the pool before the instance may be suspended
      expect(await closedAfter(released)).toBeLessThan(IDLE_TIMEOUT_MS + 3_000);
    }, 20_000);
  });

  it("carry the app's application_name unless the URL names another", async () => {
    const plain = createPool(testDatabase, 1);
    try {
      const { rows } = await plain.query<{ name: string }>("SELECT current_setting('application_name') AS name");
      expect(rows).toEqual([{ name: APPLICATION_NAME }]);
    } finally {
      await plain.end();
    }
    expect((await pool.query<{ name: string }>("SELECT current_setting('application_name') AS name")).rows).toEqual([{ name }]);
  });
});
