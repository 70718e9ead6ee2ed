// `npm test`: typecheck, lint, unit and integration tests against a real PostgreSQL, the production
// build, and browser tests in Chromium against that build. Exits non-zero on the first failure.
import type { ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { CHROMIUM_HINT, findChromium } from "./lib/chromium";
import { explainFailure } from "./lib/explain-failure";
import { prepareDatabase } from "./lib/prepare-database";
import { spawnBin, stopTree } from "./lib/processes";
import { buildBrowserScripts } from "./lib/toss-browser-scripts";
import { ROOT } from "./lib/schema-engine";
import { TEST_APP_URL, TEST_DATABASE, TEST_DB_TRACE_FILE, TEST_PORT, nextStartArgs, testEnv } from "./lib/test-env";

const started = Date.now();
const LOG_DIR = path.join(ROOT, "test-logs");
const children = new Set<ChildProcess>();

/** Runs a package's bin (`["typescript", "tsc"]` for a bin named apart from its package). */
function run(title: string, bin: string | [string, string], args: string[], env: Record<string, string> = {}) {
  const t0 = Date.now();
  const [pkg, name] = typeof bin === "string" ? [bin, bin] : bin;
  console.log(`\n▶ ${title}: ${name} ${args.join(" ")}`);
  return new Promise<void>((resolve, reject) => {
    const child = spawnBin(pkg, args, { name, stdio: "inherit", env: { ...process.env, ...env } });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) {
        console.log(`✔ ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        resolve();
      } else reject(new Error(`${title} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Stops every child with what it started (the app server's next-server). */
function stopChildren() {
  for (const child of children) stopTree(child);
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app server exited (${server.exitCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error(CHROMIUM_HINT);

  console.log("\n▶ Toss sandbox browser scripts: esbuild");
  await buildBrowserScripts();
  // typegen loads next.config.ts, which validates the env as a production build would: give it the test env.
  await run("Types", "next", ["typegen"], { ...testEnv(), NEXT_TELEMETRY_DISABLED: "1" });
  await run("Typecheck", ["typescript", "tsc"], ["--noEmit"]);
  await run("Lint", "eslint", ["--max-warnings=0", "."]);

  console.log("\n▶ Database: a fresh test database with every migration applied");
  const configuredUrl = process.env.TEST_DATABASE_URL || undefined;
  const { url, cluster, description } = await prepareDatabase({ configuredUrl, embeddedDatabase: TEST_DATABASE, fresh: true });
  console.log(`Database: ${description}.`);
  try {
    const env = { ...testEnv(url), CHROMIUM_PATH: chromium, TEST_DATABASE_READY: "1" };
    await run("Build", "next", ["build"], env);

    // The server's own log lines (one per payment event) go to a file, kept for a failing run.
    await mkdir(LOG_DIR, { recursive: true });
    const serverLog = openSync(path.join(LOG_DIR, "app-server.log"), "w");
    console.log(`\n▶ App server: next start on ${TEST_APP_URL} (log: ${path.relative(ROOT, LOG_DIR)}/app-server.log)`);
    // Its own process group, so that stopping it stops next-server too.
    // It also writes a line per database query (lib/db-trace.ts) for the round-trip tests.
    await rm(TEST_DB_TRACE_FILE, { force: true });
    const server = spawnBin("next", nextStartArgs(TEST_PORT), {
      stdio: ["ignore", serverLog, serverLog],
      env: { ...process.env, ...env, DB_TRACE_FILE: TEST_DB_TRACE_FILE },
      group: true,
    });
    children.add(server);
    await waitForServer(`${TEST_APP_URL}/`, server);

    await run("Unit and integration tests", "vitest", ["run"], env);
    await run("Browser tests", ["@playwright/test", "playwright"], ["test"], env);
  } finally {
    stopChildren();
    await cluster?.stop().catch(() => {});
  }
  console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  stopChildren();
  console.error(`\n✘ ${explainFailure(error, { stack: false })}`);
  process.exit(1);
});
