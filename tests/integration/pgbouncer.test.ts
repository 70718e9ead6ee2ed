// lib/sql.ts prepares its statements (named, once per connection). Behind a transaction pooler that
// cannot keep them (PgBouncer before 1.21, the mode of Supabase's and Neon's pooled URLs), a named
// statement meets a server session that lacks it or already has it. Against a real PgBouncer in
// transaction mode: with `pgbouncer=true` in the URL nothing is named and nothing fails; without it,
// the first such refusal turns naming off for the instance, the statement is sent again, and still
// nothing fails. CI installs PgBouncer (.ci/run); a machine without it skips this file.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/next-server";

const binary = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/opt/homebrew/bin/pgbouncer", "/usr/local/bin/pgbouncer"].find(
  (candidate) => spawnSync(candidate, ["--version"]).status === 0,
);
const database = new URL(process.env.DATABASE_URL!);

async function startPgBouncer() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pgbouncer-"));
  chmodSync(dir, 0o755); // run as nobody when we are root (PgBouncer refuses root)
  const port = await freePort();
  writeFileSync(path.join(dir, "userlist.txt"), `"${decodeURIComponent(database.username)}" "${decodeURIComponent(database.password)}"\n`);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${database.hostname} port=${database.port}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "default_pool_size = 3",
      "max_client_conn = 100",
      "",
    ].join("\n"),
  );
  for (const file of ["userlist.txt", "pgbouncer.ini"]) chmodSync(path.join(dir, file), 0o644);
  const asRoot = process.getuid?.() === 0;
  const child = spawn(binary!, [...(asRoot ? ["-u", "nobody"] : []), path.join(dir, "pgbouncer.ini")], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!log.includes("process up")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`PgBouncer did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = new URL(database);
  url.host = `127.0.0.1:${port}`;
  return { url, stop: () => (child.kill(), rmSync(dir, { recursive: true, force: true })) };
}

function probe(databaseUrl: string): Promise<{ ok: number; errors: string[]; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "../helpers/prepared-statements-probe.mts")], {
      env: { ...process.env, DATABASE_URL: databaseUrl, DB_TRACE_FILE: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => {
      const line = output.split("\n").find((l) => l.startsWith('{"result"'));
      if (!line) return reject(new Error(`the probe printed no result: ${output}`));
      resolve({ ...(JSON.parse(line) as { result: { ok: number; errors: string[] } }).result, output });
    });
  });
}

describe.skipIf(!binary)("prepared statements behind PgBouncer in transaction mode", () => {
  let pgbouncer: Awaited<ReturnType<typeof startPgBouncer>>;
  beforeAll(async () => {
    pgbouncer = await startPgBouncer();
  });
  afterAll(() => pgbouncer?.stop());

  it("with pgbouncer=true in the URL: nothing named, every statement answered", async () => {
    const url = new URL(pgbouncer.url);
    url.searchParams.set("pgbouncer", "true");
    const { ok, errors, output } = await probe(url.toString());
    expect(errors).toEqual([]);
    expect(ok).toBe(400);
    expect(output).not.toContain("db.prepared_statements_off");
  }, 60_000);

  it("without it: the pooler's first refusal turns naming off, and every statement is still answered", async () => {
    const { ok, errors, output } = await probe(pgbouncer.url.toString());
    expect(errors).toEqual([]);
    expect(ok).toBe(400);
    // Named statements did meet sessions that lacked them or had them: the instance noticed, once.
    expect(output.match(/"event":"db\.prepared_statements_off"/g)).toHaveLength(1);
  }, 60_000);
});
