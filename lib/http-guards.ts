import { jsonResponse } from "@/lib/json-response";
// Requests refused in proxy.ts before any route sees them, each with a 4xx, a code and a Korean
// message, never a 5xx:
// - a body declared larger than anything this app accepts (413). Next.js drops a `Connection` header
//   from the proxy's own responses, so this one cannot close the connection; Node.js reads the unread
//   body to its end and the connection stays usable (tests/integration/http-abuse.test.ts). Route
//   handlers that refuse a body unread do close it (lib/errors.ts errorResponse).
// - a path whose percent-encoding is broken (`/orders/%E0%A4%A`), where Next.js fails decoding its
//   params, or that encodes a control character (`/api/auth/error/%00`);
// - a multipart POST whose body is not multipart: Next.js reads a multipart POST to any path that is
//   not a route handler as a server action form, and fails with a 500.
// Route handlers keep their own, tighter limits (lib/http.ts).

/** No request to this app carries more (the largest real ones are forms and webhooks of a few KB). */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;

type Refusal = { status: number; code: string; message: string };

export const REFUSALS = {
  "body-too-large": { status: 413, code: "BODY_TOO_LARGE", message: "요청이 너무 커요." },
  "bad-content-length": { status: 400, code: "INVALID_CONTENT_LENGTH", message: "요청 형식이 올바르지 않아요." },
  "bad-form": { status: 400, code: "INVALID_FORM_DATA", message: "요청 형식이 올바르지 않아요." },
  "bad-path": { status: 400, code: "INVALID_PATH", message: "주소가 올바르지 않아요." },
} satisfies Record<string, Refusal>;

export type RefusalReason = keyof typeof REFUSALS;

/** The refusal for a request, or null to let it through. Reads the body only of multipart POSTs. */
export async function refusalFor(request: Request, pathname: string): Promise<RefusalReason | null> {
  try {
    // No path of this app holds a control character (a NUL that PostgreSQL refuses, a line break).
    if (/[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathname))) return "bad-path";
  } catch {
    return "bad-path";
  }
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d+$/.test(declared.trim())) return "bad-content-length";
    if (Number(declared) > MAX_REQUEST_BODY_BYTES) return "body-too-large";
  }
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (request.method === "POST" && type.startsWith("multipart/form-data")) {
    const form = await request
      .clone()
      .formData()
      .then(
        () => true,
        () => false,
      );
    if (!form) return "bad-form";
  }
  return null;
}

/**
 * The refusal as a response, in the shape of the API it was meant for: flat `{code, message}` for the
 * sandbox's Toss API (Toss's shape) and next-auth's routes (lib/auth/guard-auth-route.ts), this app's
 * `{error: {code, message}}` elsewhere.
 */
export function refusalResponse(reason: RefusalReason, pathname: string): Response {
  const { status, code, message }: Refusal = REFUSALS[reason];
  const flat = pathname.startsWith("/sandbox/toss/v1/") || pathname.startsWith("/api/auth/");
  const body = flat ? { code, message } : { error: { code, message } };
  return jsonResponse(body, { status, headers: { "Cache-Control": "no-store" } });
}
