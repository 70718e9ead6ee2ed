// The error every sandbox SDK call throws or rejects with: Toss's { code, message } on an Error, as the
// real SDKs do (v1 names it PaymentWidgetError, v2 TossPaymentsError).
import { WIDGET_ERRORS, type WidgetErrorCode } from "../widget-errors";

export class SdkError extends Error {
  constructor(
    readonly code: string,
    message?: string,
    name = "TossPaymentsError",
  ) {
    super(message || (WIDGET_ERRORS as Record<string, string>)[code] || WIDGET_ERRORS.UNKNOWN);
    this.name = name;
  }
}

/** The error for a code of Toss's table, with its standard message unless another is given. */
export function fail(code: WidgetErrorCode, message?: string): SdkError {
  return new SdkError(code, message);
}

export function isSdkError(error: unknown): error is SdkError {
  return error instanceof SdkError;
}
