// Runs before every route but static files: gives each request its Content-Security-Policy nonce
// and vets the host it arrived on.
// - The nonce: Next.js reads it from the request's Content-Security-Policy header and puts it on its
//   inline scripts; the same policy goes out on the response, so no other inline script runs.
// - The host: x-forwarded-host/-proto are rewritten to the vetted origin (lib/request-origin.ts), so
//   that next-auth (which trusts them on Vercel) and our success/fail URLs only ever follow one of
//   this deployment's own hosts.
// - A page asked for while the database is unreachable gets a 503 "try again" page here: a page
//   failing while it renders could only be a 500 (lib/database-health.ts).
// - Malformed requests that would otherwise reach Next.js's own handling as a 5xx get a 4xx here
//   (lib/http-guards.ts).
import { NextResponse, type NextRequest } from "next/server";
import { databaseAnswers } from "@/lib/database-health";
import { env } from "@/lib/env";
import { refusalFor, refusalResponse } from "@/lib/http-guards";
import { originOfHeaders } from "@/lib/request-origin";
import { contentSecurityPolicy } from "@/lib/security-headers";
import { unavailablePage } from "@/lib/unavailable-page";

const policyOptions = { tossMode: env.toss.mode, development: env.nodeEnv === "development", appUrl: env.appUrl };

const freshNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");

/** A browser loading a page (not a client-side navigation's RSC fetch, an API call or a static file). */
function isPageNavigation(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch")) return false;
  const path = request.nextUrl.pathname;
  if (path.startsWith("/api/") || /^\/sandbox\/toss\/(v1|console\/api|cron|widget)\//.test(path)) return false;
  const dest = request.headers.get("sec-fetch-dest");
  return dest ? dest === "document" : (request.headers.get("accept") ?? "").includes("text/html");
}

export async function proxy(request: NextRequest) {
  const refusal = await refusalFor(request, request.nextUrl.pathname);
  if (refusal) return refusalResponse(refusal, request.nextUrl.pathname);

  if (isPageNavigation(request) && !(await databaseAnswers())) {
    const response = unavailablePage(request.nextUrl.pathname + request.nextUrl.search);
    response.headers.set("Content-Security-Policy", contentSecurityPolicy({ ...policyOptions, nonce: freshNonce() }));
    return response;
  }

  const nonce = freshNonce();
  const origin = new URL(originOfHeaders(request.headers));
  // upgrade-insecure-requests where this request came over https (a preview's host, production).
  const policy = contentSecurityPolicy({ ...policyOptions, appUrl: origin.origin, nonce });

  // next-auth answers 500 on every session read when its callback-url cookie is not a URL it accepts
  // (`%00`, say): such a cookie is dropped here, for this request and the browser's next ones.
  const badCallbackCookies = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isAcceptableCallbackUrl(value, origin.origin);
  });
  for (const name of badCallbackCookies) request.cookies.delete(name);

  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  headers.set("x-forwarded-host", origin.host);
  headers.set("x-forwarded-proto", origin.protocol.replace(":", ""));

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  for (const name of badCallbackCookies) response.cookies.delete(name);
  return response;
}

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** next-auth v4's own test of a callback URL (an absolute http(s) URL, or a path on this origin). */
function isAcceptableCallbackUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

export const config = {
  // Everything but build output and public files (they carry next.config.ts's other headers), and the
  // few JSON endpoints that machines call on the payment path, where this proxy has nothing to do: no
  // page, no nonce, no URL built from the host, a body limit of their own (lib/http.ts). Skipping it
  // saves every purchase passes through Next.js's middleware adapter (issue #9). The sandbox's
  // /v1/payments/{paymentKey} (its confirm, and the lookup a webhook bringing news re-fetches) is left
  // out only for keys of plain characters, as Toss's are: no percent-encoding for Next.js to fail
  // decoding, no control character; any other path there still meets refusalFor() below.
  // /api/noop, the benchmark's baseline, is the cost of Next.js itself. tests/integration/proxy-scope.test.ts
  matcher: [
    "/((?!_next/static/|_next/image|favicon\\.svg$|favicon\\.ico$|robots\\.txt$|api/payments/toss/confirm$|api/webhooks/toss$|sandbox/toss/v1/payments/[A-Za-z0-9_-]+$|api/noop$).*)",
  ],
};
