// How the app reads a failed Toss call. Three kinds, because each asks for a different next step:
// - final: Toss answered and the answer stands (a card refusal, a bad request): tell the buyer.
// - retryable: Toss did not act on the request; the same call may be made again.
// - unknown: we cannot know whether Toss acted (timeout, 5xx, in-flight idempotent request,
//   PROVIDER_ERROR): look the payment up before deciding anything.

export type TossErrorKind = "final" | "retryable" | "unknown";

const UNKNOWN_CODES = new Set([
  "IDEMPOTENT_REQUEST_PROCESSING",
  "PROVIDER_ERROR",
  "FAILED_INTERNAL_SYSTEM_PROCESSING",
  "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING",
  "UNKNOWN_PAYMENT_ERROR",
]);
const RETRYABLE_CODES = new Set(["FORBIDDEN_CONSECUTIVE_REQUEST", "TOO_MANY_REQUESTS"]);

export class TossApiError extends Error {
  constructor(
    readonly kind: TossErrorKind,
    /** Toss's code, or NETWORK_ERROR / TIMEOUT / INVALID_RESPONSE for failures on our side of the wire */
    readonly code: string,
    message: string,
    /** HTTP status, or 0 when no answer arrived */
    readonly status: number,
    readonly traceId: string | null = null,
  ) {
    super(message);
    this.name = "TossApiError";
  }
}

export function classifyTossError(status: number, code: string): TossErrorKind {
  if (UNKNOWN_CODES.has(code) || status >= 500 || status === 409) return "unknown";
  if (RETRYABLE_CODES.has(code) || status === 429) return "retryable";
  return "final";
}
