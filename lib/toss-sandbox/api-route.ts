// The frame every sandbox API call runs in, in Toss's order: sandbox mode, Basic auth, the
// TossPayments-Test-Code header, Idempotency-Key (POST only; ignored on GET as at Toss), then the
// operation. Whatever happens, the answer is Toss-shaped; unexpected failures are logged without
// secrets and answered 500 FAILED_INTERNAL_SYSTEM_PROCESSING.
import "server-only";
import { traceDb } from "@/lib/db-trace";
import { MAX_REQUEST_BODY_BYTES, refusalResponse } from "@/lib/http-guards";
import { parseBasicAuth } from "./auth";
import { isTossErrorCode, TossSandboxError } from "./errors";
import { tossEmpty, tossJson, type ApiResult } from "./http";
import { checkIdempotencyKey, withIdempotency } from "./idempotency";
import { merchantForSecretKey, type KeyFamily } from "./keys";
import { configuredKeys, sandboxEnabled } from "./mode";
import { pumpSoon } from "./webhooks/pump";

export interface ApiCall {
  request: Request;
  merchantId: string;
  /** the family of the secret key the call was made with */
  keyFamily: KeyFamily;
}

const LIVE_KEY_MESSAGE = "라이브 키(live_)는 샌드박스에서 사용할 수 없습니다. 테스트 키(test_)를 사용해주세요.";

/** confirm, cancel, lookup or a billing call: what a trace calls a sandbox API call (lib/db-trace.ts). */
function operationName(request: Request): string {
  const path = new URL(request.url).pathname;
  if (path.endsWith("/payments/confirm")) return "confirm";
  if (path.endsWith("/cancel")) return "cancel";
  if (path.endsWith("/billing/authorizations/issue")) return "billing issue";
  if (path.includes("/v1/billing/")) return request.method === "DELETE" ? "billing delete" : "billing charge";
  return "lookup";
}

export function handleTossApi(request: Request, operation: (call: ApiCall) => Promise<ApiResult>): Promise<Response> {
  return traceDb(`sandbox ${operationName(request)}`, () => answerTossApi(request, operation));
}

async function answerTossApi(request: Request, operation: (call: ApiCall) => Promise<ApiResult>): Promise<Response> {
  if (!sandboxEnabled()) return new Response("Not Found", { status: 404 });
  // A body declared larger than any Toss API call: refused before anything else, unread, and the
  // connection closed (proxy.ts does not see /v1/payments/confirm; readJson limits what is not declared).
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BODY_BYTES) {
    const refusal = refusalResponse("body-too-large", new URL(request.url).pathname);
    refusal.headers.set("Connection", "close");
    return refusal;
  }
  try {
    const auth = parseBasicAuth(request.headers.get("authorization"));
    if (!auth.ok) throw new TossSandboxError(auth.code);
    const merchant = merchantForSecretKey(auth.secretKey, configuredKeys());
    if (!merchant.ok) {
      throw new TossSandboxError("UNAUTHORIZED_KEY", merchant.reason === "live" ? LIVE_KEY_MESSAGE : undefined);
    }

    const testCode = request.headers.get("tosspayments-test-code")?.trim();
    if (testCode) {
      throw isTossErrorCode(testCode) ? new TossSandboxError(testCode) : new TossSandboxError("INVALID_TEST_CODE");
    }

    const key = request.method === "POST" ? request.headers.get("idempotency-key") : null;
    if (key) checkIdempotencyKey(key);
    const scope = key ? { key, secretKey: auth.secretKey, method: request.method, path: new URL(request.url).pathname } : null;
    // The confirm claims its key in its first statement (one round trip fewer on the buyer's wait).
    const claimInWork = scope !== null && operationName(request) === "confirm";
    // When that statement finds the key taken by a claim it may take over (expired, or abandoned by a
    // request that died), the operation runs a second time: it reads the body from a copy.
    const copy = claimInWork ? request.clone() : null;
    let runs = 0;
    const result = await withIdempotency(
      scope,
      () => operation({ request: runs++ === 0 || !copy ? request : copy, merchantId: merchant.merchantId, keyFamily: merchant.family }),
      { claimInWork },
    );
    // Serverless has no timer: API calls also send the webhook retries that have come due.
    pumpSoon();
    // An answer with no body (DELETE /v1/billing/{billingKey}): an empty 200, as Toss's.
    if (result.body === undefined) return tossEmpty(result.status);
    return tossJson(result.body, result.status);
  } catch (error) {
    if (error instanceof TossSandboxError) return tossJson(error.toJSON(), error.status);
    console.error("[toss-sandbox] unexpected error", { method: request.method, path: new URL(request.url).pathname, error });
    const internal = new TossSandboxError("FAILED_INTERNAL_SYSTEM_PROCESSING");
    return tossJson(internal.toJSON(), internal.status);
  }
}
