// The embedded database's promises to a newcomer, kept in checkouts of their own (copies of this one):
// a taken port is named with what to do; as root in a private (mode 700) folder it still works; two
// checkouts side by side run `npm run dev` at once, each on a cluster and data of its own.
import { existsSync, mkdtempSync, chmodSync, statSync } from "node:fs";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutId } from "@/lib/embedded-database";
import { TEST_PORT } from "../../scripts/lib/test-env";
import { copyCheckout, newcomerEnv, removeCheckout, runNpm } from "../helpers/checkout-copy";

const isRoot = process.platform !== "win32" && userInfo().uid === 0;
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const DATABASE_LINE = /Database: the embedded PostgreSQL of this checkout on 127\.0\.0\.1:(\d+) \(data in ([^,)]+)/;

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL: a taken port", () => {
  let checkout: string;
  beforeAll(() => {
    checkout = copyCheckout(path.join(mkdtempSync(path.join(tmpdir(), "checkout-port-")), "shop"));
    chmodSync(path.dirname(checkout), 0o755);
  });
  afterAll(() => removeCheckout(path.dirname(checkout)));

  it("says which port is taken and what to do, instead of starting", async () => {
    const sockets = new Set<net.Socket>();
    const squatter = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.end("not postgres\n");
    });
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      const run = runNpm(checkout, ["run", "db:migrate"], newcomerEnv({ EMBEDDED_PG_PORT: String(port) }));
      const code = await run.exited;
      expect(code).not.toBe(0);
      expect(run.output()).toContain(`Port ${port} is already used by another program`);
      expect(run.output()).toMatch(/EMBEDDED_PG_PORT/);
      expect(run.output()).toMatch(/DATABASE_URL/);
      expect(run.output()).not.toMatch(STACK_TRACE);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 60_000);
});

describe.runIf(isRoot)("embedded PostgreSQL as root, in a checkout under a mode-700 folder", () => {
  let parent: string;
  let checkout: string;
  let relocated: string;
  beforeAll(() => {
    parent = mkdtempSync(path.join(tmpdir(), "checkout-private-")); // mode 700, like /root or `mktemp -d`
    checkout = copyCheckout(path.join(parent, "shop"));
    relocated = path.join(existsSync("/var/tmp") ? "/var/tmp" : tmpdir(), `toss-credit-checkout-${checkoutId(checkout)}`);
  });
  afterAll(() => {
    removeCheckout(parent);
    removeCheckout(relocated);
  });

  it("npm run db:migrate works and says in one line where PostgreSQL's files are kept", async () => {
    expect(statSync(parent).mode & 0o777).toBe(0o700);
    const first = runNpm(checkout, ["run", "db:migrate"], newcomerEnv());
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toContain(
      `PostgreSQL runs as the user postgres, who cannot enter ${parent}: its binaries and data are kept in ${relocated}.`,
    );
    expect(first.output()).toContain("Applied migrations:");
    expect(first.output()).toContain("Database is up to date.");
    expect(first.output()).not.toMatch(STACK_TRACE);
    expect(existsSync(path.join(relocated, "data", "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(checkout, ".data", "postgres"))).toBe(false);

    // A second run finds the cluster it made and has nothing left to apply.
    const second = runNpm(checkout, ["run", "db:migrate"], newcomerEnv());
    expect(await second.exited, second.output()).toBe(0);
    expect(second.output()).not.toContain("Applied migrations:");
    expect(second.output()).toMatch(DATABASE_LINE);
  }, 120_000);
});

describe("two checkouts side by side", () => {
  let parent: string;
  const checkouts: string[] = [];
  beforeAll(() => {
    parent = mkdtempSync(path.join(tmpdir(), "checkouts-"));
    chmodSync(parent, 0o755); // a world-readable folder, as most laptops' home folders are to their user
    for (const name of ["one", "two"]) checkouts.push(copyCheckout(path.join(parent, name)));
  });
  afterAll(() => removeCheckout(parent));

  it("run `npm run dev` at once, each on its own cluster and data, and serve their pages", async () => {
    // Beside this checkout's test ports (TEST_PORT and its stations), so that two checkouts testing at once do not collide.
    const ports = [TEST_PORT + 111, TEST_PORT + 112];
    const runs = checkouts.map((dir, i) => runNpm(dir, ["run", "dev", "--", "-p", String(ports[i])], newcomerEnv()));
    try {
      const lines = await Promise.all(runs.map((run) => run.waitFor(DATABASE_LINE, 90_000)));
      const [one, two] = lines.map((match) => ({ port: Number(match[1]), dataDir: match[2]! }));
      expect(one!.port).not.toBe(two!.port);
      expect(one!.dataDir).toBe(".data/postgres");
      expect(existsSync(path.join(checkouts[0]!, ".data/postgres/PG_VERSION"))).toBe(true);
      expect(existsSync(path.join(checkouts[1]!, ".data/postgres/PG_VERSION"))).toBe(true);

      // A marker written in one checkout's database is absent from the other's.
      const url = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/credit_checkout`;
      await query(url(one!.port), "create table checkout_marker (name text); insert into checkout_marker values ('one')");
      expect(await query(url(one!.port), "select name from checkout_marker")).toEqual([{ name: "one" }]);
      expect(await query(url(two!.port), "select to_regclass('checkout_marker') as marker")).toEqual([{ marker: null }]);

      // Both serve the app: a page, and a route that reads the checkout's own database. (The first request
      // of a page compiles it in development: one page each, not more, on a 2-core machine.)
      await Promise.all(runs.map((run) => run.waitFor(/Ready in/, 120_000)));
      for (const port of ports) {
        const page = await fetch(`http://localhost:${port}/`, { signal: AbortSignal.timeout(120_000) });
        expect(page.status, `/ on ${port}`).toBe(200);
        expect(await page.text()).toContain("크레딧");
        const health = await fetch(`http://localhost:${port}/api/health`, { signal: AbortSignal.timeout(120_000) });
        expect(await health.json(), `/api/health on ${port}`).toMatchObject({ status: "ok", database: "reachable" });
      }
    } finally {
      await Promise.all(runs.map((run) => run.stop()));
    }
    // Stopping `npm run dev` stopped its cluster.
    for (const dir of checkouts) expect(existsSync(path.join(dir, ".data/postgres/postmaster.pid"))).toBe(false);
  }, 400_000);
});
