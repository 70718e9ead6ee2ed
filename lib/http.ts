import "server-only";
import type { z } from "zod";
import { AppError, zodValidationError } from "@/lib/errors";

export const MAX_JSON_BODY_BYTES = 16 * 1024;

/**
 * Reads and validates a JSON body. Oversized, malformed or invalid bodies become 4xx AppErrors with a
 * Korean message; nothing is processed.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { maxBytes?: number; allowEmpty?: boolean } = {},
): Promise<z.infer<S>> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw bodyTooLarge();
  const text = await readLimited(request, maxBytes);
  let json: unknown;
  try {
    json = options.allowEmpty && text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError({ code: "INVALID_JSON", status: 400, userMessage: "요청 형식이 올바르지 않아요." });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw zodValidationError(parsed.error.issues);
  return parsed.data;
}

const bodyTooLarge = () => new AppError({ code: "BODY_TOO_LARGE", status: 413, userMessage: "요청이 너무 커요." });

/** The body as text, refusing (without reading on) once it passes maxBytes, whatever Content-Length said. */
export async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export const unauthenticated = () => new AppError({ code: "UNAUTHENTICATED", status: 401, userMessage: "로그인이 필요해요." });

/** The signed-in user for an API route, or a 401 AppError (never a redirect: the caller is fetch). */
export async function requireApiUser() {
  const { getCurrentUser } = await import("@/lib/auth/session");
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  return user;
}

/** The user id of the session cookie (no database read), or a 401: the cheap first check of a route. */
export async function requireApiSessionUserId(): Promise<string> {
  const { getSessionUserId } = await import("@/lib/auth/session");
  const id = await getSessionUserId();
  if (!id) throw unauthenticated();
  return id;
}
