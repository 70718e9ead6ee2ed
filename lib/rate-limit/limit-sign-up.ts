import "server-only";
import { bucketKey } from "./bucket-key";
import { consumeRateLimits } from "./consume-rate-limits";
import { RATE_LIMITS } from "./limits";
import { rateLimitedError } from "./rate-limited-error";

/** Counts a sign-up from a client address; past RATE_LIMITS.signUpPerIp, throws 429 TOO_MANY_SIGN_UPS. */
export async function limitSignUp(address: string): Promise<void> {
  const verdict = await consumeRateLimits([{ key: bucketKey("sign-up:ip", address), rule: RATE_LIMITS.signUpPerIp }]);
  if (!verdict.allowed) throw rateLimitedError("TOO_MANY_SIGN_UPS", "가입 시도가", verdict.retryAfterSeconds);
}
