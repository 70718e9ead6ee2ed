// The one-click cancel link of a monthly plan (issue #23): sent with each "charge coming" notice, so that a
// buyer can end the plan from the e-mail without signing in. The token names the user and the plan's start
// (agreedAt) and is signed with an HMAC of the server's secret: it cancels that plan only (a plan started
// again later needs a new link), cannot be made for another user, and is checked in constant time.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const LABEL = "credit-plan-cancel:v1";

function signature(userId: string, agreedAtMs: number, secret: string): string {
  return createHmac("sha256", secret).update(`${LABEL}:${userId}:${agreedAtMs}`).digest("base64url");
}

/** "<userId>.<agreedAt ms>.<signature>" */
export function planCancelToken(userId: string, agreedAtMs: number, secret = env.nextAuthSecret): string {
  return `${userId}.${agreedAtMs}.${signature(userId, agreedAtMs, secret)}`;
}

/** The path of the cancel page for a plan. */
export function planCancelPath(userId: string, agreedAtMs: number): string {
  return `/billing/cancel/${planCancelToken(userId, agreedAtMs)}`;
}

/** The user and plan start a token names, or null for anything not signed by this server. */
export function readPlanCancelToken(token: string, secret = env.nextAuthSecret): { userId: string; agreedAt: Date } | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, userId, ms, given] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(signature(userId, Number(ms), secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { userId, agreedAt: new Date(Number(ms)) };
}
