// Which Chromium the browser tests use: Playwright's own where installed, else the system's.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const CHROMIUM_HINT =
  "No Chromium found: run `npx playwright install chromium`, or on Debian/Ubuntu `sudo apt-get install -y chromium`.";

/** The path of a Chromium to launch, or null when there is none. */
export function findChromium(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core not resolvable or no browser registry: fall through to the system's.
  }
  return SYSTEM_CHROMIUM.find((p) => existsSync(p)) ?? null;
}
