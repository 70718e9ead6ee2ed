// `npm run vercel-build` as Vercel runs it, with an environment it must refuse: it stops at validation,
// one line per problem and a non-zero exit, before the browser scripts, `next build` or any connection to
// the database (DATABASE_URL and DIRECT_URL point at a port that counts who connects). The decisions
// past validation (build, then migrate or not): tests/unit/vercel-build-plan.test.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT, runNpm } from "../helpers/checkout-copy";
import { watchedPort, type WatchedPort } from "../helpers/watched-port";

/** Only what a Vercel build machine would set: nothing of the test run's own variables. */
function vercelEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", VERCEL: "1", ...extra } as unknown as NodeJS.ProcessEnv;
}

describe("npm run vercel-build with an environment it must refuse", () => {
  let database: WatchedPort;
  beforeEach(async () => {
    database = await watchedPort();
  });
  afterEach(() => database.close());

  it.each([
    [
      "production without CRON_SECRET, in sandbox mode",
      (port: number) => ({
        VERCEL_ENV: "production",
        DATABASE_URL: `postgresql://app:pw@127.0.0.1:${port}/shop`,
        DIRECT_URL: `postgresql://app:pw@127.0.0.1:${port}/shop`,
        NEXTAUTH_SECRET: "n".repeat(44),
      }),
      ["✗ CRON_SECRET: required in production", "✗ TOSS_MODE: the Toss sandbox refuses to run in a Vercel production deployment"],
    ],
    [
      "production that would migrate through a transaction pooler",
      (port: number) => ({
        VERCEL_ENV: "production",
        DATABASE_URL: `postgresql://app:pw@127.0.0.1:${port}/shop?pgbouncer=true`,
        NEXTAUTH_SECRET: "n".repeat(44),
        CRON_SECRET: "c".repeat(64),
        TOSS_MODE: "live",
        NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_abc",
        TOSS_SECRET_KEY: "test_gsk_abc",
        ALLOW_TEST_KEYS_IN_PRODUCTION: "1",
      }),
      ["✗ DIRECT_URL: required to migrate: DATABASE_URL goes through a transaction pooler (pgbouncer=true marks a PgBouncer in transaction mode)"],
    ],
  ])("%s: stops before building or connecting, one line per problem", async (_, variables, problems) => {
    const run = runNpm(REPO_ROOT, ["run", "vercel-build"], vercelEnv(variables(database.port)));
    const code = await run.exited;
    const output = run.output();
    expect(code, output).not.toBe(0);
    const lines = output.split("\n").filter((line) => line.startsWith("✗ ") && !line.startsWith("✗ Build stopped"));
    expect(lines).toHaveLength(problems.length);
    problems.forEach((problem, i) => expect(lines[i]).toContain(problem));
    expect(output).toContain("✗ Build stopped before building anything or touching the database.");
    // Nothing after validation ran: not the browser scripts, not `next build`, no database connection.
    expect(output).not.toMatch(/Toss sandbox browser scripts|Next\.js|Creating an optimized production build|migrat(ed|ions run)/i);
    expect(database.connections()).toBe(0);
    expect(output).not.toMatch(/\bpw\b/);
  }, 60_000);
});
