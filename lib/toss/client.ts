import "server-only";
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { z } from "zod";
import { env } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { classifyTossError, TossApiError } from "./errors";
import { tossErrorBodySchema } from "./schemas";

/** Toss asks for generous timeouts on confirm; 10 s keeps a buyer's wait bounded and the outcome recoverable. */
export const TOSS_TIMEOUT_MS = 10_000;

/** A payment object is a few KB; an answer past this is not Toss's (and is not read into memory). */
export const TOSS_MAX_ANSWER_BYTES = 1024 * 1024;

export interface TossResponse<T> {
  data: T;
  traceId: string | null;
}

function authorization(secretKey: string): string {
  // Toss: base64(secretKey + ":"): the secret key as user name, an empty password; the colon is required.
  return `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request with node:http(s) on Node's keep-alive agents. Not fetch: on the payment path the app
 * calls Toss (or the sandbox, in this same server) on every confirm and every webhook that brings
 * news, and fetch (undici behind web streams, and Next.js's patching of it) cost about 1 ms of CPU
 * a call more at 32 clients (#9). A request sent on a kept-alive connection that the other side had
 * just closed is sent once more on a new one: a GET is safe to repeat, and every POST carries an
 * Idempotency-Key, under which Toss answers a repeat with the first call's answer. An answer larger
 * than any of Toss's is not read (an empty body: unreadable, like any other we cannot parse).
 */
function send(url: URL, method: string, headers: Record<string, string>, payload: string | undefined, timeoutMs: number): Promise<Answer> {
  const signal = AbortSignal.timeout(timeoutMs);
  const attempt = (retried: boolean): Promise<Answer> =>
    new Promise<Answer>((resolve, reject) => {
      const request = (url.protocol === "https:" ? https : http).request(url, { method, headers, signal });
      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = (body: Buffer) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= TOSS_MAX_ANSWER_BYTES) return void chunks.push(chunk);
          answer(Buffer.alloc(0));
          request.destroy();
        });
        response.on("end", () => answer(Buffer.concat(chunks)));
        // The connection lost before the answer's end (a settled promise ignores the rest).
        response.on("close", () => {
          if (response.complete || size > TOSS_MAX_ANSWER_BYTES) return;
          const cut = new Error("the answer was cut short");
          if (signal.aborted) cut.name = "TimeoutError";
          reject(cut);
        });
        response.on("error", () => {});
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        if (!retried && request.reusedSocket && error.code === "ECONNRESET" && !signal.aborted) resolve(attempt(true));
        else reject(error);
      });
      request.end(payload);
    });
  return attempt(false);
}

function headerOf(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The answer's JSON, or null. We ask for it uncompressed; a compressed one is still read. */
function parseJson(answer: Answer): unknown {
  try {
    const encoding = (headerOf(answer.headers, "content-encoding") ?? "identity").trim().toLowerCase();
    const body =
      encoding === "gzip" || encoding === "x-gzip"
        ? zlib.gunzipSync(answer.body, { maxOutputLength: TOSS_MAX_ANSWER_BYTES })
        : encoding === "deflate"
          ? zlib.inflateSync(answer.body, { maxOutputLength: TOSS_MAX_ANSWER_BYTES })
          : encoding === "br"
            ? zlib.brotliDecompressSync(answer.body, { maxOutputLength: TOSS_MAX_ANSWER_BYTES })
            : answer.body;
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

/**
 * One call to the Toss API (or anything that speaks it, such as the sandbox: only the base URL differs).
 * Every POST carries an Idempotency-Key; every answer is validated; every failure is a TossApiError.
 */
export async function tossRequest<S extends z.ZodType>(
  method: "GET" | "POST" | "DELETE",
  path: string,
  schema: S,
  options: {
    body?: unknown;
    idempotencyKey?: string;
    timeoutMs?: number;
    testCode?: string;
    /** another pair's secret key (billing uses the API individual pair); default the checkout's */
    secretKey?: string;
    /** an answer with no body is the answer (DELETE): parsed as `null` */
    emptyBody?: boolean;
  } = {},
): Promise<TossResponse<z.infer<S>>> {
  if (method === "POST" && !options.idempotencyKey) throw new Error(`POST ${path} needs an Idempotency-Key`);
  const headers: Record<string, string> = {
    Authorization: authorization(options.secretKey ?? env.toss.secretKey),
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

  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (payload !== undefined) headers["Content-Length"] = String(Buffer.byteLength(payload));

  let answer: Answer;
  try {
    answer = await send(new URL(`${env.toss.apiBaseUrl}${path}`), method, headers, payload, options.timeoutMs ?? TOSS_TIMEOUT_MS);
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new TossApiError(
      "unknown",
      timedOut ? "TIMEOUT" : "NETWORK_ERROR",
      timedOut ? "토스페이먼츠 응답이 늦어지고 있어요." : "토스페이먼츠에 연결하지 못했어요.",
      0,
    );
  }

  const traceId = headerOf(answer.headers, "x-tosspayments-trace-id");
  const json = parseJson(answer);
  if (answer.status < 200 || answer.status > 299) {
    const body = tossErrorBodySchema.safeParse(json);
    if (!body.success && (answer.status === 401 || answer.status === 403) && env.toss.apiBaseUrl.startsWith(env.appUrl)) {
      // Not Toss's answer but this deployment's: Vercel's Deployment Protection stops the sandbox's calls
      // to its own preview unless they carry the automation bypass secret.
      logEvent("error", "vercel.deployment_protection", {
        status: answer.status,
        path,
        hint: env.vercelBypassSecret
          ? "This deployment refused its own call although VERCEL_AUTOMATION_BYPASS_SECRET is set: regenerate the bypass in Vercel (Settings → Deployment Protection) and redeploy."
          : "Vercel's Deployment Protection answered the sandbox's call to this deployment. Create a Protection Bypass for Automation (Vercel → Settings → Deployment Protection; Vercel then sets VERCEL_AUTOMATION_BYPASS_SECRET) and redeploy.",
      });
    }
    const code = body.success ? body.data.code : `HTTP_${answer.status}`;
    const message = body.success ? body.data.message : "토스페이먼츠가 알 수 없는 응답을 보냈어요.";
    throw new TossApiError(classifyTossError(answer.status, code), code, message, answer.status, traceId);
  }
  const parsed = schema.safeParse(options.emptyBody && answer.body.length === 0 ? null : json);
  if (!parsed.success) {
    // A 2xx we cannot read: Toss may have acted. Treat as unknown and look it up later.
    throw new TossApiError("unknown", "INVALID_RESPONSE", "토스페이먼츠 응답을 해석하지 못했어요.", answer.status, traceId);
  }
  return { data: parsed.data, traceId };
}
