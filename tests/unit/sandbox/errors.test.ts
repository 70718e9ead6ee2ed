// The sandbox answers with Toss's documented codes, statuses and Korean messages (TOSS.md "Errors").
import { describe, expect, it } from "vitest";
import {
  CONFIRM_FAILURE_CODES,
  isTossErrorCode,
  leavesPaymentUndecided,
  PAYMENT_WINDOW_FAILURES,
  TOSS_ERRORS,
  TossSandboxError,
} from "@/lib/toss-sandbox/errors";

describe("Toss error table", () => {
  it.each([
    ["ALREADY_PROCESSED_PAYMENT", 400, "이미 처리된 결제 입니다."],
    ["PROVIDER_ERROR", 400, "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요."],
    ["INVALID_REQUEST", 400, "잘못된 요청입니다."],
    ["INVALID_IDEMPOTENCY_KEY", 400, "멱등키는 300자 이하여야 합니다."],
    ["ALREADY_CANCELED_PAYMENT", 400, "이미 취소된 결제 입니다."],
    ["INVALID_REFUND_ACCOUNT_INFO", 400, "환불 계좌번호와 예금주명이 일치하지 않습니다."],
    ["UNAUTHORIZED_KEY", 401, "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다."],
    ["INCORRECT_BASIC_AUTH_FORMAT", 403, "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요."],
    ["REJECT_CARD_PAYMENT", 403, "한도초과 혹은 잔액부족으로 결제에 실패했습니다."],
    ["REJECT_CARD_COMPANY", 403, "결제 승인이 거절되었습니다."],
    ["NOT_CANCELABLE_AMOUNT", 403, "취소 할 수 없는 금액 입니다."],
    ["NOT_CANCELABLE_PAYMENT", 403, "취소 할 수 없는 결제 입니다."],
    ["NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT", 403, "입금 대기중인 결제는 부분 환불이 불가합니다."],
    ["FORBIDDEN_CONSECUTIVE_REQUEST", 403, "반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요."],
    ["NOT_FOUND_PAYMENT", 404, "존재하지 않는 결제 정보 입니다."],
    ["NOT_FOUND_PAYMENT_SESSION", 404, "결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다."],
    ["IDEMPOTENT_REQUEST_PROCESSING", 409, "이전 멱등 요청이 처리중입니다."],
    ["FAILED_INTERNAL_SYSTEM_PROCESSING", 500, "내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요."],
  ] as const)("%s is HTTP %i with Toss's message", (code, status, message) => {
    expect(TOSS_ERRORS[code]).toEqual({ status, message });
    expect(new TossSandboxError(code).toJSON()).toEqual({ code, message });
    expect(new TossSandboxError(code).status).toBe(status);
  });

  it("has every code TOSS.md lists", () => {
    const listed =
      "ALREADY_PROCESSED_PAYMENT PROVIDER_ERROR INVALID_REQUEST INVALID_API_KEY INVALID_CARD_NUMBER INVALID_STOPPED_CARD INVALID_CARD_EXPIRATION INVALID_REJECT_CARD EXCEED_MAX_AMOUNT BELOW_MINIMUM_AMOUNT UNAPPROVED_ORDER_ID CARD_PROCESSING_ERROR INVALID_IDEMPOTENCY_KEY ALREADY_CANCELED_PAYMENT INVALID_REFUND_ACCOUNT_INFO UNAUTHORIZED_KEY REJECT_CARD_PAYMENT REJECT_CARD_COMPANY FORBIDDEN_REQUEST INCORRECT_BASIC_AUTH_FORMAT NOT_CANCELABLE_AMOUNT NOT_CANCELABLE_PAYMENT NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT FORBIDDEN_CONSECUTIVE_REQUEST NOT_FOUND_PAYMENT NOT_FOUND_PAYMENT_SESSION IDEMPOTENT_REQUEST_PROCESSING FAILED_INTERNAL_SYSTEM_PROCESSING FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING UNKNOWN_PAYMENT_ERROR";
    for (const code of listed.split(" ")) expect(isTossErrorCode(code), code).toBe(true);
    expect(isTossErrorCode("toString")).toBe(false);
  });

  it("keeps a forced 5xx or PROVIDER_ERROR undecided, and a refusal final", () => {
    expect(leavesPaymentUndecided("PROVIDER_ERROR")).toBe(true);
    expect(leavesPaymentUndecided("FAILED_INTERNAL_SYSTEM_PROCESSING")).toBe(true);
    expect(leavesPaymentUndecided("REJECT_CARD_PAYMENT")).toBe(false);
    for (const code of CONFIRM_FAILURE_CODES) expect(isTossErrorCode(code)).toBe(true);
  });

  it("sends the payment window's failures with Toss's failUrl messages", () => {
    expect(PAYMENT_WINDOW_FAILURES.PAY_PROCESS_CANCELED).toBe("사용자에 의해 결제가 취소되었습니다.");
    expect(PAYMENT_WINDOW_FAILURES.PAY_PROCESS_ABORTED).toBe("결제 진행 중 승인에 실패하여 결제가 중단되었습니다.");
    expect(PAYMENT_WINDOW_FAILURES.REJECT_CARD_COMPANY).toBe("결제 승인이 거절되었습니다.");
  });
});
