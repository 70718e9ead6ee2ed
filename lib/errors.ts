// Expected failures are AppErrors: a stable code, an HTTP status and a Korean message that is safe to
// show. Anything else is unexpected: it is logged with context, reported (Sentry, when configured: lib/
// observability) and the user sees a generic message,
// never its `error.message` (which may hold SQL, keys or stack details).
// No server-only import: client components may use the types and `GENERIC_ERROR_MESSAGE`.
import { DATABASE_RETRY_AFTER_S, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db-unavailable";
import { logEvent } from "@/lib/log";
import { reportError } from "@/lib/observability/report";
import { jsonResponse } from "@/lib/json-response";

/** Messages per form field, e.g. `{ email: ["올바른 이메일 주소를 입력해 주세요."] }`. */
export type FieldErrors = Partial<Record<string, string[]>>;

export const GENERIC_ERROR_MESSAGE = "요청을 처리하지 못했어요. 잠시 후 다시 시도해 주세요.";

export interface AppErrorOptions {
  /** stable, greppable, UPPER_SNAKE: "EMAIL_TAKEN", "ORDER_NOT_FOUND", "AMOUNT_MISMATCH" */
  code: string;
  /** HTTP status a route handler answers with */
  status: number;
  /** Korean, shown to the user as is */
  userMessage: string;
  fieldErrors?: FieldErrors;
  /** facts the client may act on, sent as they are: e.g. `{ balance: 2, required: 3 }`. Never a secret. */
  details?: Record<string, unknown>;
  /** for a 429 (or a 503): seconds until a retry may succeed, sent as the Retry-After header */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly userMessage: string;
  readonly fieldErrors?: FieldErrors;
  readonly details?: Record<string, unknown>;
  readonly retryAfterSeconds?: number;

  constructor({ code, status, userMessage, fieldErrors, details, retryAfterSeconds, cause }: AppErrorOptions) {
    // The code (not the Korean text) is the developer-facing message: logs stay greppable.
    super(code, cause === undefined ? undefined : { cause });
    this.name = "AppError";
    this.code = code;
    this.status = status;
    this.userMessage = userMessage;
    this.fieldErrors = fieldErrors;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** 400 with messages per field (from a zod schema's `z.flattenError(e).fieldErrors`). */
export function validationError(
  fieldErrors: FieldErrors,
  userMessage = "입력한 내용을 확인해 주세요.",
): AppError {
  return new AppError({ code: "VALIDATION_FAILED", status: 400, userMessage, fieldErrors });
}

/** What an action returns or a route handler sends for a failure: never more than this. */
export interface PublicError {
  code: string;
  message: string;
  fieldErrors?: FieldErrors;
  details?: Record<string, unknown>;
}

/**
 * Turns any thrown value into what the user may see. An AppError passes through; anything else is
 * logged with `context` (what was being done, ids, never a password or a secret) and becomes generic.
 */
export function toPublicError(error: unknown, context: string, details?: Record<string, unknown>): PublicError {
  if (isAppError(error)) {
    return { code: error.code, message: error.userMessage, fieldErrors: error.fieldErrors, ...(error.details ? { details: error.details } : {}) };
  }
  if (isDatabaseUnavailable(error)) {
    logEvent("warn", "database_unavailable", { context, ...details, error: describeError(error) });
    return { code: "DATABASE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE };
  }
  logEvent("error", "unexpected_error", { context, ...details, error: describeError(error) });
  reportError(error, context, { details });
  return { code: "INTERNAL_ERROR", message: GENERIC_ERROR_MESSAGE };
}

/** The JSON Response a route handler answers a failure with (status from the AppError, else 500). */
export function errorResponse(error: unknown, context: string, details?: Record<string, unknown>): Response {
  const body = toPublicError(error, context, details);
  const unavailable = body.code === "DATABASE_UNAVAILABLE";
  const status = isAppError(error) ? error.status : unavailable ? 503 : 500;
  const headers: Record<string, string> = retryAfterHeaders(error);
  if (unavailable) headers["Retry-After"] = String(DATABASE_RETRY_AFTER_S);
  // A body refused before it was read to its end: the client may stop sending it and reuse the
  // connection, whose next bytes would then be read as the rest of this body. Close it instead.
  if (status === 413) headers.Connection = "close";
  return jsonResponse({ error: body }, { status, headers });
}

/** `Retry-After` (whole seconds) for an AppError that says when to come back; none otherwise. */
export function retryAfterHeaders(error: unknown): Record<string, string> {
  return isAppError(error) && error.retryAfterSeconds !== undefined
    ? { "Retry-After": String(Math.max(1, Math.ceil(error.retryAfterSeconds))) }
    : {};
}

/** An unknown thrown value as plain fields for a log line (JSON.stringify drops an Error's message). */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }), stack: error.stack };
}

/** A zod failure as a 400 AppError with messages per field path ("refundReceiveAccount.accountNumber"). */
export function zodValidationError(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    // A path from the client's own keys: `__proto__` or `constructor` must not reach Object.prototype.
    const path = issue.path.map(String).join(".") || "input";
    const key = Object.hasOwn(Object.prototype, path) || path === "__proto__" ? `input.${path}` : path;
    (Object.hasOwn(fields, key) ? fields[key]! : (fields[key] = [])).push(issue.message);
  }
  return validationError(fields);
}
