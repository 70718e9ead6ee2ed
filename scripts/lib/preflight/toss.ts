// The Toss keys: one pair of the widget family (the checkout opens Toss's payment widget), a secret key
// Toss accepts, and, for going live, live_ keys on Toss's own API with the sandbox off.
import { randomBytes } from "node:crypto";
import { TOSS_LIVE_API_BASE_URL, type Env } from "../../../lib/env";
import { keyPairProblem } from "../../../lib/toss/key-pair";
import { fail, maskKey, note, pass, whyUnanswered, type CheckResult } from "./result";

const KEYS_PAGE = "Toss's developer center (개발자센터 → API 키 → 결제위젯 연동 키)";
const TOSS_TIMEOUT_MS = 10_000;

export function checkKeyPair(env: Env): CheckResult {
  const { clientKey, secretKey } = env.toss;
  const keys = `${maskKey(clientKey)}, ${maskKey(secretKey)}`;
  const problem = keyPairProblem(clientKey, secretKey);
  if (problem) {
    return fail(`Toss keys: not one pair (${keys}): ${problem}`, `Copy both keys of one pair from ${KEYS_PAGE} into NEXT_PUBLIC_TOSS_CLIENT_KEY and TOSS_SECRET_KEY.`);
  }
  if (/^(test|live)_ck_/.test(clientKey)) {
    return fail(
      `Toss keys: an API individual pair (${keys}); the checkout opens Toss's payment widget, which refuses it`,
      `Use the widget pair (…_gck_ / …_gsk_) from ${KEYS_PAGE}.`,
    );
  }
  return pass(`Toss keys: one widget pair (${keys})`);
}

/** Toss's base URL as a reader should see it: Toss's API, or the sandbox this environment points at. */
function describeBase(env: Env): string {
  return env.toss.apiBaseUrl === TOSS_LIVE_API_BASE_URL ? "Toss's API" : env.toss.apiBaseUrl;
}

/**
 * A harmless authenticated call: the payment of an orderId nobody ever used. Toss answers 404
 * NOT_FOUND_PAYMENT to a key it accepts, 401 UNAUTHORIZED_KEY to one it does not (TOSS.md "Errors").
 */
export async function checkTossAcceptsKey(env: Env): Promise<CheckResult> {
  const orderId = `preflight-${randomBytes(12).toString("hex")}`;
  const headers: Record<string, string> = {
    Authorization: `Basic ${Buffer.from(`${env.toss.secretKey}:`).toString("base64")}`,
    Accept: "application/json",
  };
  // As lib/toss/client.ts does: a protected Vercel preview lets its own sandbox be called with the bypass.
  if (env.vercelBypassSecret && env.toss.apiBaseUrl.startsWith(env.appUrl)) headers["x-vercel-protection-bypass"] = env.vercelBypassSecret;
  const where = describeBase(env);
  let status: number;
  let code: string | undefined;
  let message: string | undefined;
  try {
    const response = await fetch(`${env.toss.apiBaseUrl}/v1/payments/orders/${orderId}`, { headers, signal: AbortSignal.timeout(TOSS_TIMEOUT_MS) });
    status = response.status;
    const body = (await response.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
    code = typeof body?.code === "string" ? body.code : undefined;
    message = typeof body?.message === "string" ? body.message : undefined;
  } catch (error) {
    return fail(
      `Toss: could not ask ${where} whether it accepts the secret key: ${whyUnanswered(error, TOSS_TIMEOUT_MS)}`,
      env.toss.apiBaseUrl === TOSS_LIVE_API_BASE_URL
        ? "Check this machine's connection to https://api.tosspayments.com and run again."
        : "Check TOSS_API_BASE_URL (unset, live mode uses https://api.tosspayments.com), or that the app serving the sandbox is up.",
    );
  }
  const answer = `${status}${code ? ` ${code}` : ""}`;
  if (status === 404 && code === "NOT_FOUND_PAYMENT") {
    return pass(`Toss accepts the secret key (${where}: a made-up order's lookup → ${answer})`);
  }
  if (status >= 200 && status < 300) return pass(`Toss accepts the secret key (${where}: ${answer})`);
  if (status === 401 || code === "UNAUTHORIZED_KEY" || code === "INVALID_API_KEY" || code === "INCORRECT_BASIC_AUTH_FORMAT") {
    return fail(
      `Toss refuses the secret key ${maskKey(env.toss.secretKey)} (${where}: ${answer}${message ? `, "${message}"` : ""})`,
      `Copy TOSS_SECRET_KEY again from ${KEYS_PAGE}, the secret key of the same pair as NEXT_PUBLIC_TOSS_CLIENT_KEY (live keys are on the 라이브 tab once Toss has signed the contract); check for a cut-off copy or spaces.`,
    );
  }
  return fail(
    `Toss: unexpected answer from ${where} to a made-up order's lookup: ${answer}`,
    "Check TOSS_API_BASE_URL (unset, live mode uses https://api.tosspayments.com) and run again; a 5xx is Toss's trouble: try again later.",
  );
}

/** The switch itself: TOSS_MODE=live with live_ keys on Toss's own API. A rehearsal notes the rest. */
export function checkGoingLive(env: Env, rehearse: boolean): CheckResult[] {
  const results: CheckResult[] = [];
  const { mode, secretKey, apiBaseUrl } = env.toss;
  if (mode === "sandbox") {
    results.push(
      rehearse
        ? note("TOSS_MODE=sandbox: the built-in sandbox, fine for a rehearsal (live payments need TOSS_MODE=live)")
        : fail("TOSS_MODE=sandbox: the built-in sandbox approves payments nobody paid", "Set TOSS_MODE=live with your live widget keys (NEXT_PUBLIC_TOSS_CLIENT_KEY, TOSS_SECRET_KEY), then redeploy."),
    );
  }
  if (!secretKey.startsWith("live_")) {
    results.push(
      rehearse
        ? note(`Test keys (${maskKey(secretKey)}): no money moves, fine for a rehearsal`)
        : fail(
            `You are still on test keys (${maskKey(secretKey)}): no buyer's money would move`,
            `Once Toss has signed the contract, copy the live widget pair (live_gck_ / live_gsk_) from ${KEYS_PAGE}, 라이브 tab, into NEXT_PUBLIC_TOSS_CLIENT_KEY and TOSS_SECRET_KEY for Production, then redeploy.`,
          ),
    );
  }
  if (mode === "live" && apiBaseUrl !== TOSS_LIVE_API_BASE_URL) {
    results.push(
      rehearse
        ? note(`TOSS_API_BASE_URL is ${apiBaseUrl}, not Toss's API (${TOSS_LIVE_API_BASE_URL}): fine for a rehearsal`)
        : fail(`TOSS_API_BASE_URL is ${apiBaseUrl}, not Toss's API`, `Unset TOSS_API_BASE_URL (live mode then uses ${TOSS_LIVE_API_BASE_URL}), then redeploy.`),
    );
  }
  if (results.length === 0) results.push(pass(`Live: TOSS_MODE=live with live_ keys on ${TOSS_LIVE_API_BASE_URL}`));
  return results;
}
