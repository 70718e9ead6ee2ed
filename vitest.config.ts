import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { stationEnv, testEnv } from "./scripts/lib/test-env.ts";

const root = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");

/** The round-trip counts: on the traced server and its database (scripts/lib/test-env.ts, STATIONS). */
const TRACED = ["tests/integration/payments/round-trips.test.ts"];
/** The kill -9 test: on a server it starts and kills itself, and a database of its own. */
const CRASH = ["tests/integration/payments/crash.test.ts"];
/**
 * Files that run reconciliation, which looks at every order of the database (and skips the orders
 * another run holds): one of them at a time, so that each sees its own runs settle its own orders.
 * They still run alongside every other file.
 */
const RECONCILING = [
  "tests/integration/payments/reconcile.test.ts",
  "tests/integration/payments/partial-cancels.test.ts",
  "tests/integration/observability/sentry.test.ts",
  "tests/integration/payments/bad-input.test.ts",
];

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
    globalSetup: ["tests/helpers/global-setup.ts"],
    pool: "forks",
    // Test files run in parallel: each owns its state (its buyers, orders and payments; a sandbox
    // merchant of its own, or per-payment settings on the app's). Most of their time is spent waiting
    // on the app server and PostgreSQL, so more files than cores run at once.
    maxWorkers: 4,
    // Structured log lines of passing tests are noise; a failing test shows its own.
    silent: "passed-only",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], exclude: [...TRACED, ...CRASH, ...RECONCILING] },
      },
      { extends: true, test: { name: "reconciling", include: RECONCILING, fileParallelism: false } },
      { extends: true, test: { name: "traced", include: TRACED, env: stationEnv("traced") } },
      { extends: true, test: { name: "crash", include: CRASH, env: stationEnv("crash") } },
    ],
  },
});
