// Serves a bundled browser script (lib/generated/toss-sandbox-scripts.ts, built from
// lib/toss-sandbox/browser by scripts/lib/toss-browser-scripts.ts). The URLs are fixed, as Toss's are
// (the SDKs load /v1/payment-widget and /v2/standard with no version in them), so the answer is cached
// briefly and revalidated by ETag: a new deployment's script is picked up within the max-age, and a
// revalidation costs a 304. CORS-open like Toss's script host: shops on other origins load it.
import "server-only";
import { env } from "@/lib/env";
import { TOSS_SANDBOX_SCRIPTS } from "@/lib/generated/toss-sandbox-scripts";

export type BrowserScriptName = keyof typeof TOSS_SANDBOX_SCRIPTS;

/** `If-None-Match` names this ETag (a list, weak or strong, or `*`). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

export function scriptResponse(request: Request, name: BrowserScriptName): Response {
  const { code, etag } = TOSS_SANDBOX_SCRIPTS[name];
  const headers = {
    "Content-Type": "text/javascript; charset=utf-8",
    // Development rebuilds on every change (npm run dev watches): always revalidate there.
    "Cache-Control": env.nodeEnv === "production" ? "public, max-age=300, must-revalidate" : "no-cache",
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
    Vary: "Accept-Encoding",
  };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(code, { status: 200, headers });
}
