// JSON answers that Next.js does not gzip when they are small. Its compression (the `compression`
// package) skips bodies under 1 KB only when it knows their length, and Next.js never passes a route's
// Content-Length on, so every answer is gzipped: a 40-byte `{"ok":true}` costs a zlib stream
// (allocation, deflate, flush), about 7% of the CPU of a webhook delivery here, and comes out larger than
// it went in. `Cache-Control: no-transform` is the header that package (and any proxy) honours to leave
// a body as it is; larger answers (order lists, the dashboard) are compressed as before.
// No server-only: lib/errors.ts uses it.

/** Below this, an answer is sent as it is (the threshold of Next.js's compression). */
export const COMPRESS_FROM_BYTES = 1024;

/** As `Response.json(body, init)`; a body under COMPRESS_FROM_BYTES is marked not to be compressed. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  if (new TextEncoder().encode(text).byteLength < COMPRESS_FROM_BYTES) {
    const cacheControl = headers.get("cache-control");
    headers.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  return new Response(text, { ...init, headers });
}
