// Answers shaped like Toss's: JSON, an X-TossPayments-Trace-Id on every answer, `{code, message}` errors.
import "server-only";
import { readLimited } from "@/lib/http";
import { jsonResponse } from "@/lib/json-response";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/http-guards";
import { newTraceId } from "./ids";
import { TossSandboxError, type TossErrorCode } from "./errors";

export interface ApiResult {
  status: number;
  body: unknown;
}

export function tossJson(body: unknown, status = 200): Response {
  return jsonResponse(body, {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "X-TossPayments-Trace-Id": newTraceId(),
      "Cache-Control": "no-store",
    },
  });
}

/** An answer with no body, with the headers every answer has. */
export function tossEmpty(status = 200): Response {
  return new Response(null, { status, headers: { "X-TossPayments-Trace-Id": newTraceId(), "Cache-Control": "no-store" } });
}

export function errorResult(error: TossSandboxError): ApiResult {
  return { status: error.status, body: error.toJSON() };
}

export function tossError(code: TossErrorCode, message?: string): Response {
  const error = new TossSandboxError(code, message);
  return tossJson(error.toJSON(), error.status);
}

/**
 * The request's JSON body; malformed, missing or oversized JSON (a chunked body past the limit, which no
 * Content-Length announced) is Toss's 400 INVALID_REQUEST, never a 500.
 */
export async function readJson(request: Request): Promise<unknown> {
  const text = await readLimited(request, MAX_REQUEST_BODY_BYTES).catch(() => "");
  if (!text.trim()) throw new TossSandboxError("INVALID_REQUEST");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TossSandboxError("INVALID_REQUEST");
  }
}

