import "server-only";
import { NextRequest } from "next/server";
import { CALLBACK_URL_COOKIES, checkAuthRequest } from "@/lib/auth/check-auth-request";
import { readAuthFields } from "@/lib/auth/read-auth-fields";
import { tooManySignInAttemptsError, tooManySignInAttemptsMessage } from "@/lib/auth/sign-in-errors";
import { DATABASE_RETRY_AFTER_S } from "@/lib/db-unavailable";
import { isAppError, retryAfterHeaders, toPublicError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/rate-limit/client-address";
import { countSignInAttempt } from "@/lib/rate-limit/sign-in-attempts";
import { jsonResponse } from "@/lib/json-response";

export interface AuthRouteContext {
  params: Promise<{ nextauth: string[] }>;
}
type AuthRouteHandler = (request: NextRequest, context: AuthRouteContext) => Promise<Response>;

/**
 * next-auth's endpoints behind the checks next-auth does not make:
 * - malformed input (lib/auth/check-auth-request.ts, lib/auth/read-auth-fields.ts: a body that is not
 *   a form or a flat JSON object of strings, an oversized body, a callback URL or error code it cannot
 *   put in a redirect) is answered 4xx `{code, message}` here; next-auth would answer some of it 500;
 * - a credentials sign-in is counted per e-mail and per client address (lib/rate-limit) before the
 *   password is checked; past a limit, 429 with Retry-After, for the e-mail a registered account or not.
 * next-auth then gets a POST's checked fields as a form, so it parses exactly what was checked.
 */
export function guardAuthRoute(handler: AuthRouteHandler): { GET: AuthRouteHandler; POST: AuthRouteHandler } {
  return {
    async GET(request, context) {
      try {
        checkAuthRequest(request, (await context.params).nextauth ?? []);
      } catch (error) {
        return refusal(request, error);
      }
      return handler(request, context);
    },

    async POST(request, context) {
      let fields: Record<string, string>;
      try {
        const route = (await context.params).nextauth ?? [];
        fields = await readAuthFields(request);
        checkAuthRequest(request, route, fields);
        if (route[0] === "callback" && route[1] === "credentials") {
          const verdict = await countSignInAttempt({ email: fields.email ?? "", address: clientAddressOf(request.headers) });
          if (!verdict.allowed) return signInLimitedResponse(request, fields, verdict.retryAfterSeconds);
        }
      } catch (error) {
        return refusal(request, error);
      }
      return handler(asFormRequest(request, fields), context);
    },
  };
}

/** A refused request: `{code, message}` with the AppError's status (an unexpected error: logged, 500). */
function refusal(request: NextRequest, error: unknown): Response {
  const { code, message, fieldErrors } = toPublicError(error, `${request.method} ${request.nextUrl.pathname}`);
  const status = isAppError(error) ? error.status : code === "DATABASE_UNAVAILABLE" ? 503 : 500;
  const headers = new Headers({ ...retryAfterHeaders(error), "Cache-Control": "no-store" });
  if (status === 503) headers.set("Retry-After", String(DATABASE_RETRY_AFTER_S));
  // An oversized body was refused part-read: the rest is still on the wire, so the connection cannot
  // carry another request. Say so, or a keep-alive client's next request on it is reset.
  if (status === 413) headers.set("Connection", "close");
  if (status === 405) headers.set("Allow", "POST");
  // A callback-URL cookie next-auth cannot use would fail every request of this browser: drop it.
  if (code === "INVALID_CALLBACK_URL_COOKIE") {
    for (const name of CALLBACK_URL_COOKIES) {
      headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
    }
  }
  return jsonResponse({ code, message, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers });
}

/**
 * The 429 of a limited sign-in. next-auth's client (`signIn(…, { redirect: false })`, json=true) reads
 * the `error` of `url`: the login form words it from the code (lib/auth/sign-in-errors.ts). A plain
 * <form> post without JavaScript gets a short Korean page with the way back.
 */
function signInLimitedResponse(request: NextRequest, fields: Record<string, string>, retryAfterSeconds: number): Response {
  const message = tooManySignInAttemptsMessage(retryAfterSeconds);
  const login = new URL("/login", request.url);
  login.searchParams.set("error", tooManySignInAttemptsError(retryAfterSeconds));
  if (fields.callbackUrl) login.searchParams.set("callbackUrl", fields.callbackUrl); // the login page vets it
  const headers = { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" };
  if (fields.json === "true") {
    return jsonResponse({ url: login.href, code: "TOO_MANY_SIGN_IN_ATTEMPTS", message }, { status: 429, headers });
  }
  const page = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>로그인 제한</title></head>
<body><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(login.pathname + login.search)}">로그인 화면으로 돌아가기</a></p></body></html>
`;
  return new Response(page, { status: 429, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** The same request with the checked fields as its form body (the original body is consumed). */
function asFormRequest(request: NextRequest, fields: Record<string, string>): NextRequest {
  const headers = new Headers(request.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  return new NextRequest(request.url, {
    method: request.method,
    headers,
    body: new URLSearchParams(fields).toString(),
    signal: request.signal,
  });
}
