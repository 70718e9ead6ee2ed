// The Content-Security-Policy and the other security headers, built from the Toss mode: the sandbox
// needs nothing but this app's own origin; live mode adds exactly what Toss's widget uses (its script
// from js.tosspayments.com, its frames and API calls on *.tosspayments.com). No inline script runs
// without the request's nonce: proxy.ts makes one per request and Next.js puts it on its own inline
// scripts. Pure, so proxy.ts, next.config.ts and tests can all use it.

export interface SecurityHeadersOptions {
  tossMode: "sandbox" | "live";
  /** `next dev` needs eval for React's debugging and its HMR socket */
  development: boolean;
  /** the public app URL: https turns on HSTS and upgrade-insecure-requests */
  appUrl: string;
}

export interface ContentSecurityPolicyOptions extends SecurityHeadersOptions {
  /** this request's nonce (base64, at least 128 random bits) */
  nonce: string;
}

export const TOSS_SCRIPT_ORIGIN = "https://js.tosspayments.com";
export const TOSS_ORIGINS = "https://*.tosspayments.com";

export function contentSecurityPolicy({ tossMode, development, appUrl, nonce }: ContentSecurityPolicyOptions): string {
  if (!/^[A-Za-z0-9+/]{22,}={0,2}$/.test(nonce)) throw new Error("contentSecurityPolicy: the nonce must be base64 of at least 16 bytes");
  const live = tossMode === "live";
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Next.js's inline hydration scripts carry the nonce; its chunks, the sandbox's scripts and Toss's
    // widget script are files from the listed origins. `next dev` alone needs eval (React's debugging).
    "script-src": ["'self'", `'nonce-${nonce}'`, ...(live ? [TOSS_SCRIPT_ORIGIN] : []), ...(development ? ["'unsafe-eval'"] : [])],
    // Inline styles stay allowed: React's style attributes and Toss's widget set them; they cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(live ? [TOSS_ORIGINS] : []), ...(development ? ["ws:"] : [])],
    "frame-src": ["'self'", ...(live ? [TOSS_ORIGINS] : [])],
    "form-action": ["'self'", ...(live ? [TOSS_ORIGINS] : [])],
    // Nothing frames this app: the sandbox's widget renders plain HTML in our page, not an iframe.
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  if (appUrl.startsWith("https://")) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

type Header = { key: string; value: string };

/** Headers for every response but the Content-Security-Policy, which proxy.ts sets with each request's nonce. */
export function securityHeaders(options: SecurityHeadersOptions): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(options.appUrl.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

/**
 * The JSON endpoints proxy.ts's matcher leaves out (the payment path's machine calls), as next.config.ts
 * `source` patterns: they get their Content-Security-Policy from next.config.ts instead, the strictest
 * there is, since a JSON answer loads nothing. The sandbox's `/v1/payments/{paymentKey}` covers its
 * confirm (`/v1/payments/confirm`) and its lookup by paymentKey. The matcher must be a literal, so it
 * repeats these paths; tests/integration/proxy-scope.test.ts holds the two together.
 */
export const PROXY_SKIPPED_PATHS = [
  "/api/payments/toss/confirm",
  "/api/webhooks/toss",
  "/sandbox/toss/v1/payments/:paymentKey([A-Za-z0-9_-]+)",
  "/api/noop",
] as const;

export const JSON_ONLY_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
