import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { classifyTossError, TossApiError } from "./errors";
import { tossErrorBodySchema } from "./schemas";

/** Toss asks for generous timeouts on confirm; 10 s keeps a buyer's wait bounded and the outcome recoverable. */
export const TOSS_TIMEOUT_MS = 10_000;

export interface TossResponse<T> {
  data: T;
  traceId: string | null;
}

function authorization(secretKey: string): string {
  // Toss: base64(secretKey + ":"): the secret key as user name, an empty password; the colon is required.
  return `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`;
}

/**
 * One call to the Toss API (or anything that speaks it, such as the sandbox: only the base URL differs).
 * Every POST carries an Idempotency-Key; every answer is validated; every failure is a TossApiError.
 */
export async function tossRequest<S extends z.ZodType>(
  method: "GET" | "POST",
  path: string,
  schema: S,
  options: { body?: unknown; idempotencyKey?: string; timeoutMs?: number; testCode?: string } = {},
): Promise<TossResponse<z.infer<S>>> {
  if (method === "POST" && !options.idempotencyKey) throw new Error(`POST ${path} needs an Idempotency-Key`);
  const headers: Record<string, string> = {
    Authorization: authorization(env.toss.secretKey),
    Accept: "application/json",
    // A payment object is a few KB of JSON: compressing it would cost CPU on both sides (gzip there,
    // gunzip here) for no wait we could measure; the bench showed it on the sandbox's server (#9).
    "Accept-Encoding": "identity",
  };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  // Test-only: makes Toss (or the sandbox) answer with the named error. Toss honours it for test keys only.
  if (options.testCode) headers["TossPayments-Test-Code"] = options.testCode;
  // A Vercel preview with deployment protection answers its own server's calls with 401 unless bypassed.
  if (env.vercelBypassSecret && env.toss.apiBaseUrl.startsWith(env.appUrl)) {
    headers["x-vercel-protection-bypass"] = env.vercelBypassSecret;
  }

  let response: Response;
  try {
    response = await fetch(`${env.toss.apiBaseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? TOSS_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new TossApiError(
      "unknown",
      timedOut ? "TIMEOUT" : "NETWORK_ERROR",
      timedOut ? "토스페이먼츠 응답이 늦어지고 있어요." : "토스페이먼츠에 연결하지 못했어요.",
      0,
    );
  }

  const traceId = response.headers.get("X-TossPayments-Trace-Id");
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = tossErrorBodySchema.safeParse(json);
    const code = body.success ? body.data.code : `HTTP_${response.status}`;
    const message = body.success ? body.data.message : "토스페이먼츠가 알 수 없는 응답을 보냈어요.";
    throw new TossApiError(classifyTossError(response.status, code), code, message, response.status, traceId);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // A 2xx we cannot read: Toss may have acted. Treat as unknown and look it up later.
    throw new TossApiError("unknown", "INVALID_RESPONSE", "토스페이먼츠 응답을 해석하지 못했어요.", response.status, traceId);
  }
  return { data: parsed.data, traceId };
}
