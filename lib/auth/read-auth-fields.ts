import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_JSON_BODY_BYTES, readJson, readLimited } from "@/lib/http";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** An e-mail, a password, a CSRF token and a callback URL: far below this. */
export const MAX_AUTH_BODY_BYTES = MAX_JSON_BODY_BYTES;

const NOT_A_STRING = "문자열이어야 해요.";
const jsonFieldsSchema = z.record(z.string(), z.string({ error: NOT_A_STRING }), { error: "요청 형식이 올바르지 않아요." });

/**
 * The fields of a POST to next-auth, read once and checked: a form (what next-auth's client and a plain
 * <form> send) or a flat JSON object of strings, at most MAX_AUTH_BODY_BYTES. Anything else is a 4xx
 * AppError — next-auth itself answers 500 to a JSON content type with a body that is not JSON, and a
 * non-string callbackUrl breaks its redirect check.
 */
export async function readAuthFields(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type === FORM) {
    return Object.fromEntries(new URLSearchParams(await readLimited(request, MAX_AUTH_BODY_BYTES)));
  }
  if (type === JSON_TYPE) return readJson(request, jsonFieldsSchema, { maxBytes: MAX_AUTH_BODY_BYTES });
  throw new AppError({
    code: "UNSUPPORTED_MEDIA_TYPE",
    status: 415,
    userMessage: "지원하지 않는 요청 형식이에요. 폼이나 JSON으로 보내 주세요.",
  });
}
