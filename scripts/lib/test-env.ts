// The one environment every test process shares: the test runner, vitest, Playwright and the
// production server they test. Values here are for tests on this machine only.
import { embeddedUrl } from "./embedded-postgres.ts";

export const TEST_PORT = Number(process.env.TEST_PORT ?? 3100);
/** 127.0.0.1, not localhost: Node may resolve localhost to ::1 first. */
export const TEST_APP_URL = `http://127.0.0.1:${TEST_PORT}`;
export const TEST_DATABASE = "credit_checkout_test";

export function testEnv(databaseUrl = process.env.DATABASE_URL || embeddedUrl(TEST_DATABASE)): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NEXT_PUBLIC_APP_URL: TEST_APP_URL,
    NEXTAUTH_URL: TEST_APP_URL,
    NEXTAUTH_SECRET: "test-only-nextauth-secret-0123456789abcdef",
    CRON_SECRET: "test-only-cron-secret-0123456789",
    TOSS_MODE: "sandbox",
    // A production build runs in sandbox mode only with this explicit opt-in.
    TOSS_SANDBOX_ALLOW_PRODUCTION: "1",
    TEST_APP_URL,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
