// The Content-Security-Policy and the other security headers, built from the Toss mode: the sandbox
// needs nothing but this app's own origin; live mode adds exactly what Toss's widget uses (its script
// from js.tosspayments.com, its frames and API calls on *.tosspayments.com). Pure, so next.config.ts
// and tests can both use it.

export interface SecurityHeadersOptions {
  tossMode: "sandbox" | "live";
  /** `next dev` needs eval for React's debugging and its HMR socket */
  development: boolean;
  /** the public app URL: https turns on HSTS and upgrade-insecure-requests */
  appUrl: string;
}

export const TOSS_SCRIPT_ORIGIN = "https://js.tosspayments.com";
export const TOSS_ORIGINS = "https://*.tosspayments.com";

export function contentSecurityPolicy({ tossMode, development, appUrl }: SecurityHeadersOptions): string {
  const live = tossMode === "live";
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'unsafe-inline': Next.js streams inline <script> tags for hydration; nonces would need a proxy and
    // fully dynamic rendering.
    "script-src": ["'self'", "'unsafe-inline'", ...(live ? [TOSS_SCRIPT_ORIGIN] : []), ...(development ? ["'unsafe-eval'"] : [])],
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

/** Headers for every response. */
export function securityHeaders(options: SecurityHeadersOptions): Header[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(options.appUrl.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
