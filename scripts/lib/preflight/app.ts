// The deployed app as buyers and Toss reach it: its URL is https, GET /api/health answers 200, and
// POST /api/webhooks/toss answers a Toss-shaped delivery with the 200 Toss waits for (TOSS.md "Webhooks":
// only a 200 within 10 seconds counts; anything else is retried for days, then given up).
import { randomBytes } from "node:crypto";
import type { Env } from "../../../lib/env";
import { fail, note, pass, whyUnanswered, type CheckResult } from "./result";

const APP_TIMEOUT_MS = 10_000;
/** Toss waits 10 s for a webhook's 200; the check waits a little longer, to say how late it came. */
const TOSS_WEBHOOK_WAIT_MS = 10_000;
const WEBHOOK_TIMEOUT_MS = 15_000;

const SET_URL = "Set NEXT_PUBLIC_APP_URL to the https:// address buyers use (e.g. https://shop.example.com) for Production, then redeploy.";

/** localhost, *.localhost, 127.0.0.0/8 and ::1: addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

export function checkAppUrl(env: Env, source: Record<string, string | undefined>, rehearse: boolean): CheckResult {
  const url = new URL(env.appUrl);
  const given = Boolean(source.NEXT_PUBLIC_APP_URL?.trim());
  const origin = given ? `NEXT_PUBLIC_APP_URL is ${env.appUrl}` : `NEXT_PUBLIC_APP_URL is not set, so the app uses ${env.appUrl}`;
  if (url.protocol === "https:") {
    if (!given && !rehearse) return fail(`${origin} (Vercel's own host)`, SET_URL);
    return given ? pass(`App URL: ${env.appUrl} is https`) : note(`App URL: ${origin} (Vercel's own host)`);
  }
  if (isLoopbackHost(url.hostname)) {
    return rehearse ? note(`App URL: ${origin}: http on this machine, fine for a rehearsal`) : fail(`${origin}: http on this machine, not a public https address`, SET_URL);
  }
  return fail(`${origin}: not https (Toss's review and buyers' browsers expect https)`, SET_URL);
}

/**
 * NEXTAUTH_URL, when set, is where next-auth sends buyers back after signing in: another address than
 * the app's (a development value left behind) breaks sign-in. Unset, it follows the app's URL.
 */
export function checkAuthUrl(env: Env): CheckResult | null {
  if (new URL(env.nextAuthUrl).origin === new URL(env.appUrl).origin) return null;
  return fail(
    `NEXTAUTH_URL is ${env.nextAuthUrl}, not the app's address ${env.appUrl}: sign-in would send buyers there`,
    "Unset NEXTAUTH_URL (it then follows NEXT_PUBLIC_APP_URL), or set it to the same address, then redeploy.",
  );
}

interface Answer {
  status: number;
  json: Record<string, unknown> | null;
  location: string | null;
  ms: number;
}

async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Answer> {
  const started = Date.now();
  // Not followed: Toss counts only a 200 (a redirect is not one), and the app's own URL should not need one.
  const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") json = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: Vercel's protection page, a proxy's error page, another site.
  }
  return { status: response.status, json, location: response.headers.get("location"), ms: Date.now() - started };
}

/** What a status we did not want says about the URL, and what to do. */
function explainRefusal(what: string, answer: Answer): CheckResult {
  const code = (answer.json?.error as { code?: unknown } | undefined)?.code;
  const said = `${answer.status}${typeof code === "string" ? ` ${code}` : ""}`;
  if (answer.status >= 300 && answer.status < 400) {
    return fail(
      `${what} → ${said}, a redirect to ${answer.location ?? "elsewhere"}`,
      "Use the final address (https, the exact host the redirect goes to) in NEXT_PUBLIC_APP_URL and in Toss's webhook settings: Toss counts only a 200, not a redirect.",
    );
  }
  if (answer.status === 401 || answer.status === 403) {
    return fail(
      `${what} → ${said}: refused before the app (Vercel Deployment Protection, or a firewall)`,
      "Buyers and Toss cannot pass it: turn protection off for Production (Vercel → Settings → Deployment Protection), or, for a preview, give Toss the URL with ?x-vercel-protection-bypass=<secret> (--webhook-url).",
    );
  }
  if (answer.status === 404 || answer.status === 405) {
    return fail(`${what} → ${said}: nothing of this app answers there`, "The URL is wrong (another site, another path) or the deployment is older than this check: fix NEXT_PUBLIC_APP_URL or deploy this commit.");
  }
  return fail(`${what} → ${said}`, "Look at the deployment's logs (Vercel → Deployments → Logs) for this request.");
}

export async function checkHealth(env: Env): Promise<CheckResult> {
  const url = `${env.appUrl}/api/health`;
  let answer: Answer;
  try {
    answer = await send(url, { headers: { Accept: "application/json" } }, APP_TIMEOUT_MS);
  } catch (error) {
    return fail(`GET ${url}: ${whyUnanswered(error, APP_TIMEOUT_MS)}`, "Check that the domain is right and points at the deployment (Vercel → Settings → Domains), and that the deployment is live.");
  }
  if (answer.status === 503 && answer.json?.database === "unreachable") {
    return fail(`GET ${url} → 503: the app answers but cannot reach its database`, "Check DATABASE_URL in the deployment's Production variables (the same database this check uses), then redeploy.");
  }
  if (answer.status !== 200) return explainRefusal(`GET ${url}`, answer);
  if (answer.json?.status !== "ok") {
    return fail(`GET ${url} → 200, but not this app's answer`, "NEXT_PUBLIC_APP_URL points at another site (or a page in front of the app): set it to the app's own address.");
  }
  const tossMode = answer.json.tossMode;
  if (typeof tossMode === "string" && tossMode !== env.toss.mode) {
    return fail(
      `GET ${url} → 200, but the deployment runs TOSS_MODE=${tossMode} while this environment says ${env.toss.mode}`,
      "Vercel applies changed variables to new deployments only: redeploy. Or this environment is not Production's (vercel env pull --environment=production).",
    );
  }
  return pass(`App answers: GET ${url} → 200 (database reachable, TOSS_MODE=${String(tossMode ?? "?")})`);
}

/** Toss's webhook time: ISO 8601 in Seoul with microseconds and no offset ("2022-01-01T00:00:00.000000"). */
function tossCreatedAt(now = new Date()): string {
  return `${new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 23)}000`;
}

/**
 * A PAYMENT_STATUS_CHANGED for a payment that does not exist, with Toss's headers. The app re-fetches
 * it from Toss (it never trusts a body), hears NOT_FOUND_PAYMENT, records the receipt (outcome
 * UNKNOWN_ORDER) and answers 200, as it must for Toss not to retry.
 */
export function testDelivery(now = new Date()) {
  const id = randomBytes(12).toString("hex");
  const payment = {
    mId: "preflight",
    version: "2022-11-16",
    paymentKey: `preflight_${id}`,
    type: "NORMAL",
    orderId: `preflight-${id}`,
    orderName: "preflight",
    currency: "KRW",
    country: "KR",
    method: "카드",
    status: "DONE",
    requestedAt: `${tossCreatedAt(now).slice(0, 19)}+09:00`,
    approvedAt: `${tossCreatedAt(now).slice(0, 19)}+09:00`,
    totalAmount: 3000,
    balanceAmount: 3000,
  };
  return {
    body: { eventType: "PAYMENT_STATUS_CHANGED", createdAt: tossCreatedAt(now), data: payment },
    headers: {
      "Content-Type": "application/json",
      "tosspayments-webhook-transmission-id": `whtrans_preflight_${id}`,
      "tosspayments-webhook-transmission-time": `${tossCreatedAt(now).slice(0, 19)}+09:00`,
      "tosspayments-webhook-transmission-retried-count": "0",
    },
  };
}

export async function checkWebhook(webhookUrl: string): Promise<CheckResult> {
  const shown = webhookUrl.replace(/([?&]x-vercel-protection-bypass=)[^&]+/, "$1…");
  const what = `POST ${shown} (a test PAYMENT_STATUS_CHANGED)`;
  const delivery = testDelivery();
  let answer: Answer;
  try {
    answer = await send(webhookUrl, { method: "POST", headers: delivery.headers, body: JSON.stringify(delivery.body) }, WEBHOOK_TIMEOUT_MS);
  } catch (error) {
    return fail(`${what}: ${whyUnanswered(error, WEBHOOK_TIMEOUT_MS)}`, "Toss must reach this URL from the internet: check the domain and that the deployment is live.");
  }
  if (answer.status === 200 && answer.ms > TOSS_WEBHOOK_WAIT_MS) {
    return fail(`${what} → 200 after ${(answer.ms / 1000).toFixed(1)} s: Toss counts only answers within 10 s`, "Look at the deployment's logs for what the webhook waited on (the database, Toss).");
  }
  if (answer.status === 200 && answer.json?.ok !== true) {
    return fail(`${what} → 200, but not this app's answer: the delivery never reached the app`, "The URL points at another site (or a page in front of the app): use <NEXT_PUBLIC_APP_URL>/api/webhooks/toss.");
  }
  if (answer.status === 200) {
    const outcome = typeof answer.json?.outcome === "string" ? `, ${answer.json.outcome}` : "";
    return pass(`Webhook: ${what} → 200${outcome}`);
  }
  if (answer.status >= 500) {
    const code = (answer.json?.error as { code?: unknown } | undefined)?.code;
    return fail(
      `${what} → ${answer.status}${typeof code === "string" ? ` ${code}` : ""}: the app failed on it, and Toss would retry it for days`,
      code === "WEBHOOK_RETRY_LATER"
        ? "The deployment could not ask Toss about the payment: check its TOSS_SECRET_KEY and TOSS_API_BASE_URL, and its logs."
        : "Look at the deployment's logs (Vercel → Deployments → Logs) for this request.",
    );
  }
  return explainRefusal(what, answer);
}
