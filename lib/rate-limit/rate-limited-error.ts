import "server-only";
import { AppError } from "@/lib/errors";
import { tooManyMessage } from "./retry-after-text";

/** The 429 a refused request gets: a code, Retry-After and a Korean message that says how long. */
export function rateLimitedError(code: string, subject: string, retryAfterSeconds: number): AppError {
  return new AppError({ code, status: 429, userMessage: tooManyMessage(subject, retryAfterSeconds), retryAfterSeconds });
}
