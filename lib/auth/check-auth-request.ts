import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";

/** next-auth's callback-URL cookie, plain and (on https) secure-prefixed. */
export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"] as const;

const INVALID_REQUEST_MESSAGE = "요청 형식이 올바르지 않아요.";

/**
 * A callback URL next-auth can use: what its own check accepts (an http(s) URL, or a path on this
 * site) and what fits in a Location header unchanged (visible ASCII: a browser sends URLs encoded).
 * Anything else makes next-auth answer 500 or throw while building its redirect.
 */
export function isAcceptableCallbackUrl(value: string, base: string): boolean {
  if (!/^[\x21-\x7e]{1,2048}$/.test(value)) return false;
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * Refuses (4xx AppError) what next-auth would answer with a 5xx: a callback URL it cannot use (in the
 * query, the body or its cookie), an `error` code it would copy into a header, a GET on the
 * credentials callback (POST only), a route of more than an action and a provider id or with other than
 * ASCII letters, digits, - and _ in it (404). Everything else passes unchanged.
 */
export function checkAuthRequest(request: NextRequest, route: readonly string[], fields: Record<string, string> = {}): void {
  const [action, provider] = route;
  // next-auth's routes are an action and at most a provider id, both plain ASCII: it copies the second
  // segment into a Location header, where a character past U+00FF is a 500 (GET /api/auth/error/한글).
  if (route.length > 2 || !route.every((segment) => /^[A-Za-z0-9_-]{1,64}$/.test(segment))) {
    throw new AppError({ code: "NOT_FOUND", status: 404, userMessage: "찾을 수 없는 주소예요." });
  }
  if (request.method === "GET" && action === "callback" && provider === "credentials") {
    throw new AppError({ code: "METHOD_NOT_ALLOWED", status: 405, userMessage: "이 주소는 POST 요청만 받아요." });
  }
  const base = request.nextUrl.origin;
  const query = request.nextUrl.searchParams;
  for (const value of [query.get("callbackUrl"), fields.callbackUrl]) {
    if (value && !isAcceptableCallbackUrl(value, base)) {
      throw new AppError({ code: "INVALID_CALLBACK_URL", status: 400, userMessage: "돌아갈 주소가 올바르지 않아요." });
    }
  }
  for (const name of CALLBACK_URL_COOKIES) {
    const value = request.cookies.get(name)?.value;
    if (value && !isAcceptableCallbackUrl(value, base)) {
      throw new AppError({ code: "INVALID_CALLBACK_URL_COOKIE", status: 400, userMessage: INVALID_REQUEST_MESSAGE });
    }
  }
  const error = query.get("error");
  if (error !== null && !/^[\x21-\x7e]{0,200}$/.test(error)) {
    throw new AppError({ code: "INVALID_REQUEST", status: 400, userMessage: INVALID_REQUEST_MESSAGE });
  }
}
