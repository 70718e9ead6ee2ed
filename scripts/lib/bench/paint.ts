// Largest Contentful Paint of a page in a real Chromium (the browser tests' own, ../chromium.ts), as a
// buyer's first visit sees it: a fresh browser context each time (no cache, no service worker), the
// buyer's session cookie set, no throttling (local, as issue #20 measured it). The page's LCP is read
// from the browser's own PerformanceObserver once the page has loaded and `readyCss` matches (for
// /checkout, the widget rendered and its pay button enabled), so that a later, larger paint is not
// missed; the time it first matched is reported beside it.
import type { Browser } from "playwright-core";
import { chromium } from "playwright-core";
import { findChromium } from "../chromium";

export interface PaintRuns {
  /** LCP of each measured visit, ms */
  runs: number[];
  median: number;
  /** when `ready` first matched (checked every animation frame), ms from navigation: the median */
  readyMedian: number;
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
  /** a CSS selector that matches once the page is what the buyer came for (for /checkout, the pay button enabled) */
  readyCss: string;
}

/** LCP of `visits` first visits, after one discarded visit that warms the server (its lazy modules). */
export async function largestContentfulPaint(browser: Browser, target: PaintTarget, visits: number): Promise<PaintRuns> {
  const runs: number[] = [];
  const readyRuns: number[] = [];
  let element = "";
  for (let i = 0; i <= visits; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    try {
      if (target.cookies) {
        await context.addCookies(Object.entries(target.cookies).map(([name, value]) => ({ name, value, url: target.url })));
      }
      const page = await context.newPage();
      // The first animation frame at which `ready` matches, in the page's own clock (CSS selectors only).
      // (A string: tsx would wrap a named inner function in a helper the page does not have.)
      await page.addInitScript(
        `(() => { const selector = ${JSON.stringify(target.readyCss)}; const tick = () => { if (document.querySelector(selector)) window.__readyAt = performance.now(); else requestAnimationFrame(tick); }; requestAnimationFrame(tick); })();`,
      );
      await page.goto(target.url, { waitUntil: "load" });
      await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, undefined, { timeout: 20_000 });
      const readyAt = await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
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
      if (i > 0) {
        runs.push(Math.round(lcp.at));
        readyRuns.push(Math.round(readyAt));
      }
      element = lcp.element;
    } finally {
      await context.close();
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { runs, median: median(runs), readyMedian: median(readyRuns), element };
}
