import "server-only";
import { db } from "@/lib/db";
import { bucketKey } from "./bucket-key";
import { consumeRateLimits, type RateLimitVerdict } from "./consume-rate-limits";
import { RATE_LIMITS } from "./limits";

export interface SignInAttempt {
  /** as typed: trimmed and lower-cased here, as the Credentials check does */
  email: string;
  /** clientAddressOf(headers) */
  address: string;
}

function keysOf({ email, address }: SignInAttempt) {
  return {
    email: bucketKey("sign-in:email", email.trim().toLowerCase()),
    address: bucketKey("sign-in:ip", address),
  };
}

/**
 * Counts a credentials sign-in against its e-mail and its client address before the password is
 * checked (one statement; concurrent guesses are all counted). The e-mail is never looked up: an
 * unknown one is counted and refused exactly like a registered one. forgiveSignInAttempt takes a
 * successful attempt back out, so what stays counted are the failures.
 */
export async function countSignInAttempt(attempt: SignInAttempt, at?: Date): Promise<RateLimitVerdict> {
  const keys = keysOf(attempt);
  return consumeRateLimits(
    [
      { key: keys.email, rule: RATE_LIMITS.signInPerEmail },
      { key: keys.address, rule: RATE_LIMITS.signInPerIp },
    ],
    at,
  );
}

/** After a right password: the account's failures are forgotten, the address's count loses this attempt. */
export async function forgiveSignInAttempt(attempt: SignInAttempt): Promise<void> {
  const keys = keysOf(attempt);
  await db.$executeRaw`
    WITH forgotten AS (DELETE FROM "RateLimit" WHERE "key" = ${keys.email})
    UPDATE "RateLimit" SET "hits" = "hits" - 1 WHERE "key" = ${keys.address} AND "hits" > 0`;
}
