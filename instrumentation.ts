// Runs once when a server instance starts: warnings about configuration that is valid but likely wrong.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { keyPairProblem } = await import("./lib/toss/key-pair");
  const { logEvent } = await import("./lib/log");
  const problem = keyPairProblem(env.toss.clientKey, env.toss.secretKey);
  if (problem) {
    logEvent("warn", "toss.key_pair_mismatch", {
      problem,
      hint: "NEXT_PUBLIC_TOSS_CLIENT_KEY and TOSS_SECRET_KEY must be the two keys of one pair (widget keys: test_gck_… with test_gsk_…); confirms will fail otherwise.",
    });
  }
}
