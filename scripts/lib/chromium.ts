// Which Chromium the browser tests use: Playwright's own where installed, else the system's.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

// The headless shell first: Chromium's old headless mode, without the full browser's compositor and GPU
// process. It is what Playwright itself runs headless, and the browser tests took about a fifth less
// CPU with it than with the full browser (measured on tests/e2e/checkout.spec.ts).
const SYSTEM_CHROMIUM = [
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

export const CHROMIUM_HINT =
  "No Chromium found: run `npx playwright install chromium`, or on Debian/Ubuntu `sudo apt-get install -y chromium-headless-shell` (or `chromium`).";

/** The path of a Chromium to launch, or null when there is none. */
export function findChromium(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    const bundled = chromium.executablePath();
    // Playwright's own headless shell sits beside its full browser when installed.
    const shell = bundled?.replace(/chromium-(\d+)/, "chromium_headless_shell-$1").replace(/chrome-linux\/chrome$/, "chrome-linux/headless_shell");
    if (shell && shell !== bundled && existsSync(shell)) return shell;
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core not resolvable or no browser registry: fall through to the system's.
  }
  return SYSTEM_CHROMIUM.find((p) => existsSync(p)) ?? null;
}
