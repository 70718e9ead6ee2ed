import "server-only";
import { env } from "@/lib/env";

// Every rate limit of the app, in one place. A limit counts requests in a fixed window that starts at
// a bucket's first request (lib/rate-limit/consume-rate-limits.ts); past `limit`, requests are refused
// with 429 until the window ends. A fixed window lets a patient client reach twice the limit across a
// window boundary, which is fine for these numbers.

export interface RateLimitRule {
  /** requests allowed per window */
  limit: number;
  windowSeconds: number;
}

const MINUTE = 60;

const DEFAULTS = {
  /** Failed sign-ins per account (e-mail, known or not): a success resets it. */
  signInPerEmail: { limit: 5, windowSeconds: 15 * MINUTE },
  /** Failed sign-ins per client IP, whatever the e-mails: guessing across many accounts. */
  signInPerIp: { limit: 20, windowSeconds: 15 * MINUTE },
  /** Account creations per client IP. */
  signUpPerIp: { limit: 5, windowSeconds: 60 * MINUTE },
  /** New PENDING orders per user (a resumed order is not a new one). */
  orderCreationPerUser: { limit: 10, windowSeconds: MINUTE },
} satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof DEFAULTS;

/** The rules in force: the defaults, with every window replaced by RATE_LIMIT_WINDOW_SECONDS in tests. */
export const RATE_LIMITS: Record<RateLimitName, RateLimitRule> = Object.fromEntries(
  Object.entries(DEFAULTS).map(([name, rule]) => [
    name,
    { ...rule, windowSeconds: env.rateLimitWindowSeconds ?? rule.windowSeconds },
  ]),
) as Record<RateLimitName, RateLimitRule>;
