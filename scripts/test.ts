// `npm test`: typecheck, lint, unit and integration tests against a real PostgreSQL, the production
// build, and browser tests in Chromium against that build. Exits non-zero on the first failure, and
// prints a table of its steps and their times at the end.
//
// What can run at once does: the typecheck, the lint and the database + build; then vitest's files
// (in parallel, vitest.config.ts) and the browser tests, against the same production server.
//
// `npm test -- <file> [<file>…]`: only those files (a `tests/e2e/*.spec.ts` goes to Playwright, any
// other to vitest), on the test database as it is, with the production build reused unless a source
// file is newer than it; no typecheck or lint. The inner loop.
import type { ChildProcess } from "node:child_process";
import { existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { buildIsStale } from "./lib/bench/first-load-js";
import { CHROMIUM_HINT, findChromium } from "./lib/chromium";
import { copyDatabase } from "./lib/copy-database";
import { explainFailure } from "./lib/explain-failure";
import { startMailCatcher, type MailCatcher } from "./lib/mail-catcher";
import { prepareDatabase } from "./lib/prepare-database";
import { spawnBin, stopTree } from "./lib/processes";
import { buildBrowserScripts } from "./lib/toss-browser-scripts";
import { ROOT } from "./lib/schema-engine";
import {
  BROWSER_APP_URL,
  BROWSER_PORT,
  browserEnv,
  STATIONS,
  TEST_APP_URL,
  TEST_DATABASE,
  TEST_DB_TRACE_FILE,
  TEST_MAIL_DIR,
  TEST_MAIL_PORT,
  TEST_PORT,
  nextStartArgs,
  stationEnv,
  testEnv,
} from "./lib/test-env";

const started = Date.now();
const LOG_DIR = path.join(ROOT, "test-logs");
/** Marks a build made with the test environment (a bench build is not one). */
const BUILT_FOR_TESTS = path.join(ROOT, ".next", "built-for-tests");
const children = new Set<ChildProcess>();
const timings: { title: string; seconds: number; together?: string }[] = [];

type Bin = string | [string, string];

/**
 * Runs a package's bin (`["typescript", "tsc"]` for a bin named apart from its package). `log`: its
 * output goes to that file instead of this terminal, and is printed only if it fails (steps that run
 * at the same time as others would mix their lines).
 */
function run(title: string, bin: Bin, args: string[], env: Record<string, string> = {}, log?: string) {
  const [pkg, name] = typeof bin === "string" ? [bin, bin] : bin;
  console.log(`▶ ${title}: ${name} ${args.join(" ")}${log ? `  (output: ${path.relative(ROOT, log)})` : ""}`);
  return new Promise<void>((resolve, reject) => {
    const out = log ? openSync(log, "w") : "inherit";
    const child = spawnBin(pkg, args, { name, stdio: ["ignore", out, out], env: { ...process.env, ...env }, group: Boolean(log) });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) return resolve();
      if (log) process.stdout.write(`\n── ${title} ──\n${readFileSync(log, "utf8")}\n`);
      reject(new Error(`${title} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Times a step for the closing table; `together` names the group of steps that ran at the same time. */
async function timed<T>(title: string, work: () => Promise<T>, together?: string): Promise<T> {
  const t0 = Date.now();
  const result = await work();
  const seconds = (Date.now() - t0) / 1000;
  timings.push({ title, seconds, together });
  console.log(`✔ ${title} (${seconds.toFixed(1)} s)`);
  return result;
}

/** Stops every child with what it started (the app servers' next-server). */
function stopChildren() {
  for (const child of children) stopTree(child);
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app server for ${url} exited (${server.exitCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** `next start` of the build, its log in test-logs/, in its own process group (stopping it stops next-server). */
function startServer(port: number, env: Record<string, string>, logName: string): ChildProcess {
  const log = openSync(path.join(LOG_DIR, logName), "w");
  const server = spawnBin("next", nextStartArgs(port), { stdio: ["ignore", log, log], env: { ...process.env, ...env }, group: true });
  children.add(server);
  return server;
}

function printTimings() {
  const width = Math.max(...timings.map((t) => t.title.length)) + 2;
  console.log(`\n${"Step".padEnd(width)}${"Time".padStart(9)}`);
  for (const t of timings) {
    console.log(`${t.title.padEnd(width)}${`${t.seconds.toFixed(1)} s`.padStart(9)}${t.together ? `   ${t.together}` : ""}`);
  }
  console.log(`${"Total".padEnd(width)}${`${((Date.now() - started) / 1000).toFixed(1)} s`.padStart(9)}`);
}

async function main() {
  const files = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  // Options go to the one runner the named files belong to (`npm test -- tests/e2e/x.spec.ts --trace on`).
  const flags = process.argv.slice(2).filter((a) => a.startsWith("-"));
  const full = files.length === 0;
  const e2eFiles = files.filter((f) => /(^|\/)tests\/e2e(\/|$)|\.spec\.ts$/.test(f));
  const vitestFiles = files.filter((f) => !e2eFiles.includes(f));
  const runVitest = full || vitestFiles.length > 0;
  const runBrowser = full || e2eFiles.length > 0;
  if (flags.length && (full || (runVitest && runBrowser))) throw new Error(`Options (${flags.join(" ")}) need files of one runner: vitest's or Playwright's.`);

  const chromium = runBrowser ? process.env.CHROMIUM_PATH || findChromium() : null;
  if (runBrowser && !chromium) throw new Error(CHROMIUM_HINT);
  await mkdir(LOG_DIR, { recursive: true });

  await timed("Toss sandbox browser scripts (esbuild)", () => buildBrowserScripts());

  const configuredUrl = process.env.TEST_DATABASE_URL || undefined;
  let url = "";
  let cluster = null as Awaited<ReturnType<typeof prepareDatabase>>["cluster"];
  let mail: MailCatcher | null = null;
  const databaseAndBuild = async () => {
    const prepared = await timed(
      "Database (fresh, migrated; station copies)",
      async () => {
        const db = await prepareDatabase({ configuredUrl, embeddedDatabase: TEST_DATABASE, fresh: full, log: () => {} });
        // The stations' databases (scripts/lib/test-env.ts): copies of the migrated, seeded one.
        for (const station of Object.values(STATIONS)) await copyDatabase(db.url, station.database);
        return db;
      },
      full ? "at the same time as the typecheck and lint" : undefined,
    );
    ({ url, cluster } = prepared);
    console.log(`Database: ${prepared.description}.`);
    const env = { ...testEnv(url), BUILD_SKIP_TYPECHECK: "1" };
    if (full || buildIsStale() || !existsSync(BUILT_FOR_TESTS)) {
      await timed(
        "Build (next build)",
        () => run("Build", "next", ["build"], env, path.join(LOG_DIR, "build.log")),
        full ? "at the same time as the typecheck and lint" : undefined,
      );
      writeFileSync(BUILT_FOR_TESTS, `${new Date().toISOString()}\n`);
    } else {
      console.log("Build: the production build is newer than every source file: reused.");
    }
  };

  try {
    if (full) {
      const together = "at the same time as the database and build";
      // typegen loads next.config.ts, which validates the env as a production build would: give it the test env.
      const typecheck = timed(
        "Typecheck (next typegen, tsc)",
        async () => {
          await run("Types", "next", ["typegen"], { ...testEnv(), NEXT_TELEMETRY_DISABLED: "1" }, path.join(LOG_DIR, "typegen.log"));
          await run("Typecheck", ["typescript", "tsc"], ["--noEmit"], {}, path.join(LOG_DIR, "tsc.log"));
        },
        together,
      );
      const lint = timed("Lint (eslint)", () => run("Lint", "eslint", ["--max-warnings=0", "."], {}, path.join(LOG_DIR, "eslint.log")), together);
      await Promise.all([typecheck, lint, databaseAndBuild()]);
    } else {
      await databaseAndBuild();
    }

    const env = { ...testEnv(url), ...(chromium ? { CHROMIUM_PATH: chromium } : {}), TEST_DATABASE_READY: "1" };
    // The SMTP server the servers' notices go to (SMTP_URL): each test reads its own users' mail.
    await rm(TEST_MAIL_DIR, { recursive: true, force: true });
    mail = await startMailCatcher(TEST_MAIL_PORT, TEST_MAIL_DIR);
    // The stations' servers (scripts/lib/test-env.ts), when a file that needs one runs: the traced
    // server (the round-trip counts read every query it makes) and the quiet one.
    const named = (file: string) =>
      full || vitestFiles.some((f) => file.startsWith(path.relative(ROOT, path.resolve(f)).replace(/\\/g, "/").replace(/\/$/, "")));
    const traced = named("tests/integration/payments/round-trips.test.ts");
    const quiet = named("tests/integration/admin/export.test.ts");
    await timed("App servers (next start)", async () => {
      console.log(`▶ App server: next start on ${TEST_APP_URL} (log: test-logs/app-server.log)`);
      const main = startServer(TEST_PORT, env, "app-server.log");
      const waits = [waitForServer(`${TEST_APP_URL}/api/health`, main)];
      if (runBrowser) {
        console.log(`▶ Browser tests' server: next start on ${BROWSER_APP_URL} (log: test-logs/browser-server.log)`);
        const server = startServer(BROWSER_PORT, { ...env, ...browserEnv(url) }, "browser-server.log");
        waits.push(waitForServer(`${BROWSER_APP_URL}/api/health`, server));
      }
      if (traced) {
        await rm(TEST_DB_TRACE_FILE, { force: true });
        const tracedEnv: Record<string, string> = { ...stationEnv("traced", url), DB_TRACE_FILE: TEST_DB_TRACE_FILE };
        const tracedUrl = `http://127.0.0.1:${STATIONS.traced.port}`;
        console.log(`▶ Traced server: next start on ${tracedUrl} (log: test-logs/traced-server.log)`);
        const server = startServer(STATIONS.traced.port, tracedEnv, "traced-server.log");
        waits.push(waitForServer(`${tracedUrl}/api/health`, server));
      }
      if (quiet) {
        const quietUrl = `http://127.0.0.1:${STATIONS.quiet.port}`;
        console.log(`▶ Quiet server: next start on ${quietUrl} (log: test-logs/quiet-server.log)`);
        const server = startServer(STATIONS.quiet.port, stationEnv("quiet", url), "quiet-server.log");
        waits.push(waitForServer(`${quietUrl}/api/health`, server));
      }
      await Promise.all(waits);
    });

    const together = runVitest && runBrowser ? "at the same time" : undefined;
    const playwrightLog = path.join(LOG_DIR, "playwright.log");
    await Promise.all([
      runVitest ? timed("Unit and integration tests (vitest)", () => run("Unit and integration tests", "vitest", ["run", ...vitestFiles, ...flags], env), together) : null,
      runBrowser
        ? timed(
            "Browser tests (Playwright)",
            async () => {
              // Its lines would mix with vitest's: they go to a file, printed once it is done.
              const browser = { ...env, ...browserEnv(url) };
              await run("Browser tests", ["@playwright/test", "playwright"], ["test", ...e2eFiles, ...flags], browser, runVitest ? playwrightLog : undefined);
              if (runVitest) process.stdout.write(`\n── Browser tests ──\n${readFileSync(playwrightLog, "utf8")}`);
            },
            together,
          )
        : null,
    ]);
  } finally {
    stopChildren();
    await mail?.close().catch(() => {});
    await cluster?.stop().catch(() => {});
  }
  printTimings();
  console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  stopChildren();
  if (timings.length) printTimings();
  console.error(`\n✘ ${explainFailure(error, { stack: false })}`);
  process.exit(1);
});
