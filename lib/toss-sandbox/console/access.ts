// Who may use the sandbox console (its pages, its API, `npm run toss`). It can read testers' payments
// and change what the server does (webhook targets, failing confirms), so it is closed on every
// deployment but the local development server. It opens for a signed-in user whose e-mail is in
// SANDBOX_TESTER_EMAILS, or for SANDBOX_CONSOLE_TOKEN: sent by the CLI as a Bearer token, or entered
// once in the console page, which keeps a keyed hash of it (never the token) in an httpOnly cookie.
// What Toss itself exposes (the v1 API, the widget script and API, the payment window) stays open.
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/auth/session";
import { jsonResponse } from "@/lib/json-response";

export const CONSOLE_COOKIE = "toss_sandbox_console";
const COOKIE_MAX_AGE_S = 7 * 24 * 60 * 60;

export type ConsoleAccess =
  | { open: true; via: "local-development" | "token" | "tester" }
  | { open: false; reason: "no-credentials" | "wrong-token" };

function sameSecret(given: string, expected: string): boolean {
  // Hash both sides first: timingSafeEqual needs equal lengths, and the length must not leak either.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** What the cookie holds: bound to this deployment's secret, useless as a token elsewhere. */
export function consoleCookieValue(token: string): string {
  return createHmac("sha256", env.nextAuthSecret).update(`toss-sandbox-console:${token}`).digest("base64url");
}

export function tokenMatches(given: string): boolean {
  const expected = env.sandbox.consoleToken;
  return Boolean(expected) && sameSecret(given, expected!);
}

export async function consoleAccess(): Promise<ConsoleAccess> {
  if (env.nodeEnv === "development") return { open: true, via: "local-development" };
  const token = env.sandbox.consoleToken;
  const authorization = (await headers()).get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer !== undefined) {
    return tokenMatches(bearer) ? { open: true, via: "token" } : { open: false, reason: "wrong-token" };
  }
  const cookie = (await cookies()).get(CONSOLE_COOKIE)?.value;
  if (token && cookie && sameSecret(cookie, consoleCookieValue(token))) return { open: true, via: "token" };
  if (env.sandbox.testerEmails.length) {
    const user = await getCurrentUser();
    if (user?.email && env.sandbox.testerEmails.includes(user.email.toLowerCase())) return { open: true, via: "tester" };
  }
  return { open: false, reason: cookie ? "wrong-token" : "no-credentials" };
}

/** `origin`: the vetted origin of the request (Secure wherever the tester is on https). */
export const consoleCookieOptions = (origin: string) => ({
  httpOnly: true,
  secure: origin.startsWith("https://"),
  sameSite: "strict" as const,
  path: "/sandbox/toss",
  maxAge: COOKIE_MAX_AGE_S,
});

/** The console API's answer to a caller without access: 401 with a code and a Korean message. */
export function consoleLockedResponse(access: Extract<ConsoleAccess, { open: false }>): Response {
  const message =
    access.reason === "wrong-token"
      ? "샌드박스 콘솔 토큰이 맞지 않아요. SANDBOX_CONSOLE_TOKEN 값을 확인해주세요."
      : "샌드박스 콘솔은 잠겨 있어요. SANDBOX_CONSOLE_TOKEN을 Bearer 토큰으로 보내거나, SANDBOX_TESTER_EMAILS에 있는 계정으로 로그인해주세요.";
  return jsonResponse(
    { code: access.reason === "wrong-token" ? "INVALID_CONSOLE_TOKEN" : "SANDBOX_CONSOLE_LOCKED", message },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="toss-sandbox-console"', "Cache-Control": "no-store" } },
  );
}
