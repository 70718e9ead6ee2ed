// Runs once when a server instance starts: warnings about configuration that is valid but likely wrong,
// and error reporting to Sentry when SENTRY_DSN is set (with it unset, nothing of Sentry is loaded).
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { keyPairProblem } = await import("./lib/toss/key-pair");
  const { logEvent } = await import("./lib/log");
  // next.config.ts prints these at `next build` and `next start`; Vercel's functions never load it.
  if (process.env.VERCEL) for (const warning of env.warnings) logEvent("warn", "config.warning", { warning });
  const problem = keyPairProblem(env.toss.clientKey, env.toss.secretKey);
  if (problem) {
    logEvent("warn", "toss.key_pair_mismatch", {
      problem,
      hint: "NEXT_PUBLIC_TOSS_CLIENT_KEY and TOSS_SECRET_KEY must be the two keys of one pair (widget keys: test_gck_… with test_gsk_…); confirms will fail otherwise.",
    });
  }
  if (env.sentry) {
    const { startSentry } = await import("./lib/observability/sentry");
    startSentry(env.sentry);
    logEvent("info", "sentry.enabled", { environment: env.sentry.environment });
  }
}

/** Errors Next.js saw escape a page, route or action: to Sentry when it is on. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (!env.sentry) return;
  const { captureRequestError } = await import("./lib/observability/sentry");
  captureRequestError(error, request, context);
};
