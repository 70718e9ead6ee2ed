import "server-only";
import { bucketKey } from "./bucket-key";
import { consumeRateLimits } from "./consume-rate-limits";
import { RATE_LIMITS } from "./limits";
import { rateLimitedError } from "./rate-limited-error";

/** Counts a new order of a user; past RATE_LIMITS.orderCreationPerUser, throws 429 TOO_MANY_ORDERS. */
export async function limitOrderCreation(userId: string): Promise<void> {
  const verdict = await consumeRateLimits([{ key: bucketKey("orders:user", userId), rule: RATE_LIMITS.orderCreationPerUser }]);
  if (!verdict.allowed) throw rateLimitedError("TOO_MANY_ORDERS", "주문 요청이", verdict.retryAfterSeconds);
}
