import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_HINT, findChromium } from "./scripts/lib/chromium";
import { TEST_APP_URL } from "./scripts/lib/test-env";

// Browser tests run against the production build served by `npm test` (scripts/test.ts).
const executablePath = process.env.CHROMIUM_PATH || findChromium();
if (!executablePath) throw new Error(CHROMIUM_HINT);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // One retry in CI, where the 2-core runner also builds and runs the database: a test that fails twice
  // fails the run, and one that passes only on retry is listed as "flaky" in the report, to be fixed.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: process.env.TEST_APP_URL || TEST_APP_URL,
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    // A trace records a screencast and DOM snapshots of every action: recorded for every test and kept
    // for failures, it was about a third of the browser tests' CPU. It is recorded on a retry (CI retries
    // once); locally, `npm test -- tests/e2e/<file> --trace on` records one.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        // No GPU here: without these the browser still composited in a software GPU process (measured:
        // about an eighth of the browser tests' CPU).
        "--disable-gpu-compositing",
        "--disable-software-rasterizer",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // Tests tagged ONE_SIZE (tests/e2e/sizes.ts: behaviour that does not depend on the size) run on the phone only.
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, grepInvert: /@one-size/ },
    { name: "phone", use: { ...devices["Pixel 7"] } },
  ],
});
