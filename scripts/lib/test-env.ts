// The one environment every test process shares: the test runner, vitest, Playwright and the
// production server they test. Values here are for tests on this machine only.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { embeddedUrl } from "./embedded-postgres.ts";

export const TEST_PORT = Number(process.env.TEST_PORT ?? 3100);
/** 127.0.0.1, not localhost: Node may resolve localhost to ::1 first. */
export const TEST_APP_URL = `http://127.0.0.1:${TEST_PORT}`;
export const TEST_DATABASE = "credit_checkout_test";
export const TEST_CONSOLE_TOKEN = "test-only-sandbox-console-token-0123456789";
export const TEST_SANDBOX_TESTER = "sandbox-tester@example.com";
export const TEST_RATE_LIMIT_WINDOW_SECONDS = 15;
/** The tests' SMTP server (scripts/lib/mail-catcher.ts) and where it writes what it receives. */
export const TEST_MAIL_PORT = TEST_PORT + 14;
export const TEST_MAIL_DIR = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../test-logs/mail");
/** The operator of /admin in tests (ADMIN_EMAILS). */
export const TEST_OPERATOR = "operator@example.com";
/**
 * The traced server's database trace (lib/db-trace.ts): scripts/test.ts gives it to that server as
 * DB_TRACE_FILE; the round-trip tests read it (tests/integration/payments/round-trips.test.ts).
 */
export const TEST_DB_TRACE_FILE = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../test-logs/db-trace.jsonl");

/**
 * Test files run in parallel against the main server (TEST_PORT, TEST_DATABASE). Two kinds of file
 * cannot share it, and get a server and a database of their own (a copy of the freshly migrated test
 * database), so that nothing else runs where they look:
 * - traced: the round-trip counts read every query of the server (DB_TRACE_FILE); another file's
 *   request, or its webhook retry sent by this server's pump, would be counted as theirs;
 * - crash: the kill -9 test kills its server mid-confirm and reconciles everything its database holds.
 * - billing: the browser journey of a shop registering cards with Toss's SDK v1 (TOSS_BILLING_SDK=v1), which
 *   runs the reconcile cron to bring a plan's notice: on its own database it reconciles nobody else's orders.
 * - quiet: files that look at, or change, the whole database: the admin dashboard's counts of today's
 *   paid orders (another file's purchase would be counted as theirs), the deletion of every rate-limit
 *   counter whose window ended before a given time.
 * scripts/test.ts starts the traced and quiet servers; the crash test starts (and kills) its own, and the
 * billing journey (tests/e2e/auto-charge-v1.spec.ts) starts its own.
 */
export const STATIONS = {
  traced: { port: TEST_PORT + 10, database: `${TEST_DATABASE}_traced` },
  crash: { port: TEST_PORT + 11, database: `${TEST_DATABASE}_crash` },
  quiet: { port: TEST_PORT + 13, database: `${TEST_DATABASE}_quiet` },
  billing: { port: TEST_PORT + 15, database: `${TEST_DATABASE}_billing` },
} as const;
export type Station = keyof typeof STATIONS;

/**
 * The browser tests' own server: a second instance of the app on the main test database (as Vercel
 * runs many). A Node.js server uses one core: with vitest's files and Chromium's pages on one instance,
 * that core was the whole run's bottleneck while the machine's other core waited.
 */
export const BROWSER_PORT = TEST_PORT + 12;
export const BROWSER_APP_URL = `http://127.0.0.1:${BROWSER_PORT}`;

/** The environment of the browser tests and their server. */
export function browserEnv(databaseUrl?: string): Record<string, string> {
  return { ...testEnv(databaseUrl), NEXT_PUBLIC_APP_URL: BROWSER_APP_URL, NEXTAUTH_URL: BROWSER_APP_URL, TEST_APP_URL: BROWSER_APP_URL };
}

/** The database URL of a station: the main test database's URL with the station's database name. */
export function stationDatabaseUrl(mainUrl: string, station: Station): string {
  const url = new URL(mainUrl);
  url.pathname = `/${STATIONS[station].database}`;
  return url.toString();
}

/** The environment of a station's test files and server: its own URL and database. */
export function stationEnv(station: Station, mainUrl = testEnv().DATABASE_URL!): Record<string, string> {
  const appUrl = `http://127.0.0.1:${STATIONS[station].port}`;
  return {
    ...testEnv(stationDatabaseUrl(mainUrl, station)),
    NEXT_PUBLIC_APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    TEST_APP_URL: appUrl,
  };
}

/**
 * `next start` of the server the browser tests use. Node's default keep-alive timeout (5 s) races
 * clients that keep connections open (Playwright's request context does): a request sent on an idle
 * connection just as the server closes it fails with ECONNRESET. A timeout longer than any test (60 s)
 * removes that race, as a server behind a load balancer outlives the balancer's idle timeout. Not for
 * the servers tests start and stop themselves: a stopping server waits for its open connections.
 */
export function nextStartArgs(port: number): string[] {
  return ["start", "-p", String(port), "-H", "127.0.0.1", "--keepAliveTimeout", "65000"];
}

export function testEnv(databaseUrl = process.env.DATABASE_URL || embeddedUrl(TEST_DATABASE)): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NEXT_PUBLIC_APP_URL: TEST_APP_URL,
    NEXTAUTH_URL: TEST_APP_URL,
    NEXTAUTH_SECRET: "test-only-nextauth-secret-0123456789abcdef",
    CRON_SECRET: "test-only-cron-secret-0123456789",
    // The test server is a production build: its sandbox console is closed but to this token and these testers.
    SANDBOX_CONSOLE_TOKEN: TEST_CONSOLE_TOKEN,
    SANDBOX_TESTER_EMAILS: TEST_SANDBOX_TESTER,
    ADMIN_EMAILS: TEST_OPERATOR,
    TOSS_MODE: "sandbox",
    // A production build runs in sandbox mode only with this explicit opt-in.
    TOSS_SANDBOX_ALLOW_PRODUCTION: "1",
    // Every rate-limit window lasts 15 s (not 15 minutes or an hour): tests see a limit end, and a test
    // that trips the limits of 127.0.0.1 cannot lock the rest of the run out for long.
    RATE_LIMIT_WINDOW_SECONDS: String(TEST_RATE_LIMIT_WINDOW_SECONDS),
    // Threshold auto top-up is off by default (Toss must approve it); the tests turn it on to prove it.
    // It acts only for a user who started one, so no other test sees it.
    AUTO_TOP_UP_ENABLED: "1",
    // Notices go by e-mail, over SMTP, to the run's own SMTP server (scripts/lib/mail-catcher.ts).
    SMTP_URL: `smtp://127.0.0.1:${TEST_MAIL_PORT}`,
    MAIL_FROM: "예시크레딧 <no-reply@example.com>",
    TEST_MAIL_DIR,
    TEST_APP_URL,
    TEST_DB_TRACE_FILE,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
