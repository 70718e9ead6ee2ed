import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { stationEnv, testEnv } from "./scripts/lib/test-env.ts";
import LongestFirst from "./tests/helpers/sequencer.ts";

const root = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");

/** The round-trip counts: on the traced server and its database (scripts/lib/test-env.ts, STATIONS). */
const TRACED = ["tests/integration/payments/round-trips.test.ts"];
/** The kill -9 test: on a server it starts and kills itself, and a database of its own. */
const CRASH = ["tests/integration/payments/crash.test.ts"];
/**
 * On the quiet server and its database: the dashboard's counts of today's paid orders (another file's
 * purchase would be counted), and the deletion of every rate-limit counter whose window ended before
 * 2031 (other files' counters with it).
 */
const QUIET = ["tests/integration/admin/export.test.ts", "tests/integration/rate-limit/consume-rate-limits.test.ts"];


/** The test databases, made and migrated when vitest runs on its own (not from `npm test`); not for unit tests. */
const DATABASES = ["tests/helpers/global-setup.ts"];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components by design; tests run lib/ on the server.
      { find: /^server-only$/, replacement: path.join(root, "tests/helpers/server-only.ts") },
    ],
  },
  test: {
    env: testEnv(),
    pool: "forks",
    // Test files run in parallel: each owns its state (its buyers, orders and payments; a sandbox
    // merchant of its own, or per-payment settings on the app's). Most of their time is spent waiting
    // on the app server and PostgreSQL, so more files than cores run at once.
    maxWorkers: 4,
    // The longest files first (tests/helpers/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    // Structured log lines of passing tests are noise; a failing test shows its own.
    silent: "passed-only",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          globalSetup: DATABASES,
          include: ["tests/integration/**/*.test.ts"],
          exclude: [...TRACED, ...CRASH, ...QUIET],
        },
      },
      { extends: true, test: { name: "traced", include: TRACED, env: stationEnv("traced"), globalSetup: DATABASES } },
      { extends: true, test: { name: "crash", include: CRASH, env: stationEnv("crash"), globalSetup: DATABASES } },
      { extends: true, test: { name: "quiet", include: QUIET, env: stationEnv("quiet"), globalSetup: DATABASES } },
    ],
  },
});
