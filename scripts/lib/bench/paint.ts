// Largest Contentful Paint of a page in a real Chromium (the browser tests' own, ../chromium.ts), as a
// buyer's first visit sees it: a fresh browser context each time (no cache, no service worker), the
// buyer's session cookie set, no throttling (local, as issue #20 measured it). The page's LCP is read
// from the browser's own PerformanceObserver once the page has loaded and `ready` is visible (for
// /checkout, the widget rendered in place), so that a later, larger paint is not missed.
import type { Browser } from "playwright-core";
import { chromium } from "playwright-core";
import { findChromium } from "../chromium";

export interface PaintRuns {
  /** LCP of each measured visit, ms */
  runs: number[];
  median: number;
  /** the element LCP chose on the last visit (tag#id.class) */
  element: string;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("no Chromium for the paint figures (see scripts/lib/chromium.ts)");
  return chromium.launch({ executablePath, args: ["--disable-gpu-compositing", "--disable-software-rasterizer"] });
}

export interface PaintTarget {
  url: string;
  /** cookies of a signed-in buyer (name → value), for the page's origin */
  cookies?: Record<string, string>;
  /** a selector visible once the page is what the buyer came for */
  ready: string;
}

/** LCP of `visits` first visits, after one discarded visit that warms the server (its lazy modules). */
export async function largestContentfulPaint(browser: Browser, target: PaintTarget, visits: number): Promise<PaintRuns> {
  const runs: number[] = [];
  let element = "";
  for (let i = 0; i <= visits; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    try {
      if (target.cookies) {
        await context.addCookies(Object.entries(target.cookies).map(([name, value]) => ({ name, value, url: target.url })));
      }
      const page = await context.newPage();
      await page.goto(target.url, { waitUntil: "load" });
      await page.locator(target.ready).first().waitFor({ state: "visible", timeout: 20_000 });
      const lcp = await page.evaluate(
        () =>
          new Promise<{ at: number; element: string }>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries() as (PerformanceEntry & { element?: Element | null })[];
              const last = entries.at(-1)!;
              const el = last.element;
              const name = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].slice(0, 2).join(".")}` : ""}` : "(removed)";
              resolve({ at: last.startTime, element: name });
            }).observe({ type: "largest-contentful-paint", buffered: true });
          }),
      );
      if (i > 0) runs.push(Math.round(lcp.at));
      element = lcp.element;
    } finally {
      await context.close();
    }
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, median: sorted[Math.floor(sorted.length / 2)]!, element };
}
