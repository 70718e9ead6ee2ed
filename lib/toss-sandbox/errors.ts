// Toss's error answers: code → HTTP status and Korean message, as docs.tosspayments.com/reference/error-codes
// lists them (TOSS.md "Errors"). The sandbox answers only with codes from this table, so an app that
// handles them here handles them against Toss.
// No server-only import: the payment page and console list the codes.

export interface TossErrorSpec {
  status: number;
  message: string;
}

export const TOSS_ERRORS = {
  // 400
  ALREADY_PROCESSED_PAYMENT: { status: 400, message: "이미 처리된 결제 입니다." },
  ALREADY_CANCELED_PAYMENT: { status: 400, message: "이미 취소된 결제 입니다." },
  PROVIDER_ERROR: { status: 400, message: "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요." },
  INVALID_REQUEST: { status: 400, message: "잘못된 요청입니다." },
  INVALID_API_KEY: { status: 400, message: "잘못된 시크릿키 연동 정보 입니다." },
  INVALID_CARD_NUMBER: { status: 400, message: "카드번호를 다시 확인해주세요." },
  INVALID_STOPPED_CARD: { status: 400, message: "정지된 카드 입니다." },
  INVALID_CARD_EXPIRATION: { status: 400, message: "카드 정보를 다시 확인해주세요. (유효기간)" },
  INVALID_REJECT_CARD: { status: 400, message: "카드 사용이 거절되었습니다. 카드사 문의가 필요합니다." },
  INVALID_CARD_LOST_OR_STOLEN: { status: 400, message: "분실 혹은 도난 카드입니다." },
  EXCEED_MAX_AMOUNT: { status: 400, message: "거래금액 한도를 초과했습니다." },
  EXCEED_MAX_DAILY_PAYMENT_COUNT: { status: 400, message: "하루 결제 가능 횟수를 초과했습니다." },
  BELOW_MINIMUM_AMOUNT: {
    status: 400,
    message: "신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다.",
  },
  UNAPPROVED_ORDER_ID: { status: 400, message: "아직 승인되지 않은 주문번호입니다." },
  CARD_PROCESSING_ERROR: { status: 400, message: "카드사에서 오류가 발생했습니다." },
  INVALID_IDEMPOTENCY_KEY: { status: 400, message: "멱등키는 300자 이하여야 합니다." },
  INVALID_REFUND_ACCOUNT_INFO: { status: 400, message: "환불 계좌번호와 예금주명이 일치하지 않습니다." },
  INVALID_REFUND_ACCOUNT_NUMBER: { status: 400, message: "잘못된 환불 계좌번호입니다." },
  INVALID_BANK: { status: 400, message: "유효하지 않은 은행입니다." },
  INVALID_TEST_CODE: { status: 400, message: "유효하지 않은 테스트 코드입니다." },
  DUPLICATED_ORDER_ID: {
    status: 400,
    message: "이미 승인 및 취소가 진행된 중복된 주문번호 입니다. 다른 주문번호로 진행해주세요.",
  },
  BELOW_ZERO_AMOUNT: { status: 400, message: "금액은 0보다 커야 합니다." },
  INVALID_ORDER_ID: { status: 400, message: "`orderId`는 영문 대소문자, 숫자, 특수문자(-, _) 만 허용합니다. 6자 이상 64자 이하여야 합니다." },
  INVALID_ORDER_NAME: { status: 400, message: "주문 이름은 100자 이하여야 합니다." },
  INVALID_EMAIL: { status: 400, message: "이메일 주소 형식에 맞지 않습니다." },
  // Toss's table says "-, *, =, ., @" and 255 characters; its API reference says - _ = . @ and 300 for
  // billing's customerKey, which is what the sandbox checks and says.
  INVALID_CUSTOMER_KEY: { status: 400, message: "`customerKey`는 영문 대소문자, 숫자, 특수문자 -, _, =, ., @로 2자 이상 300자 이하여야 합니다." },
  // 자동결제 (billing): the authKey and billing-key codes of Toss's table (docs "에러 코드", 전체 에러 목록)
  INVALID_BILL_KEY_REQUEST: { status: 400, message: "빌링키 인증이 완료되지 않았거나 유효하지 않은 빌링 거래 건입니다." },
  NOT_MATCHES_CUSTOMER_KEY: { status: 400, message: "빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다." },
  NOT_SUPPORTED_CARD_TYPE: { status: 400, message: "지원되지 않는 카드 종류입니다." },
  // 401
  UNAUTHORIZED_KEY: { status: 401, message: "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다." },
  // 403
  REJECT_CARD_PAYMENT: { status: 403, message: "한도초과 혹은 잔액부족으로 결제에 실패했습니다." },
  REJECT_CARD_COMPANY: { status: 403, message: "결제 승인이 거절되었습니다." },
  REJECT_ACCOUNT_PAYMENT: { status: 403, message: "잔액부족으로 결제에 실패했습니다." },
  FORBIDDEN_REQUEST: { status: 403, message: "허용되지 않은 요청입니다." },
  INCORRECT_BASIC_AUTH_FORMAT: { status: 403, message: "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요." },
  NOT_CANCELABLE_AMOUNT: { status: 403, message: "취소 할 수 없는 금액 입니다." },
  NOT_CANCELABLE_PAYMENT: { status: 403, message: "취소 할 수 없는 결제 입니다." },
  NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT: { status: 403, message: "입금 대기중인 결제는 부분 환불이 불가합니다." },
  FORBIDDEN_CONSECUTIVE_REQUEST: { status: 403, message: "반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요." },
  EXCEED_MAX_AUTH_COUNT: { status: 403, message: "최대 인증 횟수를 초과했습니다. 카드사로 문의해주세요." },
  // 404
  NOT_FOUND_PAYMENT: { status: 404, message: "존재하지 않는 결제 정보 입니다." },
  NOT_FOUND_PAYMENT_SESSION: { status: 404, message: "결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다." },
  NOT_FOUND_BILLING: { status: 404, message: "존재하지 않는 빌링 결제 인증 정보 입니다." },
  // 409
  IDEMPOTENT_REQUEST_PROCESSING: { status: 409, message: "이전 멱등 요청이 처리중입니다." },
  // 500
  FAILED_INTERNAL_SYSTEM_PROCESSING: { status: 500, message: "내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요." },
  FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING: { status: 500, message: "결제가 완료되지 않았어요. 다시 시도해주세요." },
  UNKNOWN_PAYMENT_ERROR: {
    status: 500,
    message: "결제에 실패했어요. 같은 문제가 반복된다면 은행이나 카드사로 문의해주세요.",
  },
} as const satisfies Record<string, TossErrorSpec>;

export type TossErrorCode = keyof typeof TOSS_ERRORS;

export function isTossErrorCode(code: string): code is TossErrorCode {
  return Object.hasOwn(TOSS_ERRORS, code);
}

/** An error the sandbox answers with: `{code, message}` and the HTTP status Toss uses for the code. */
export class TossSandboxError extends Error {
  readonly status: number;

  constructor(
    readonly code: TossErrorCode,
    /** overrides Toss's standard message, e.g. to say why a live key was refused */
    message?: string,
  ) {
    super(message ?? TOSS_ERRORS[code].message);
    this.name = "TossSandboxError";
    this.status = TOSS_ERRORS[code].status;
  }

  toJSON() {
    return { code: this.code, message: this.message };
  }
}

/**
 * Codes a confirm can be made to fail with (console, CLI, TossPayments-Test-Code). Forcing a 5xx or
 * PROVIDER_ERROR leaves the payment IN_PROGRESS (Toss did not decide: the merchant may retry);
 * a refusal ends it ABORTED, as a refused approval does at Toss.
 */
export const CONFIRM_FAILURE_CODES = [
  "REJECT_CARD_PAYMENT",
  "REJECT_CARD_COMPANY",
  "INVALID_STOPPED_CARD",
  "INVALID_CARD_EXPIRATION",
  "INVALID_REJECT_CARD",
  "INVALID_CARD_LOST_OR_STOLEN",
  "EXCEED_MAX_AMOUNT",
  "EXCEED_MAX_DAILY_PAYMENT_COUNT",
  "CARD_PROCESSING_ERROR",
  "PROVIDER_ERROR",
  "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING",
  "FAILED_INTERNAL_SYSTEM_PROCESSING",
  "UNKNOWN_PAYMENT_ERROR",
] as const satisfies readonly TossErrorCode[];

/** True when a failed confirm with this code leaves the payment undecided (IN_PROGRESS). */
export function leavesPaymentUndecided(code: TossErrorCode): boolean {
  return code === "PROVIDER_ERROR" || TOSS_ERRORS[code].status >= 500;
}

/** What the payment window sends to failUrl (docs: "failUrl로 전달되는 에러"), with their messages. */
export const PAYMENT_WINDOW_FAILURES = {
  PAY_PROCESS_CANCELED: "사용자에 의해 결제가 취소되었습니다.",
  PAY_PROCESS_ABORTED: "결제 진행 중 승인에 실패하여 결제가 중단되었습니다.",
  REJECT_CARD_COMPANY: "결제 승인이 거절되었습니다.",
  INVALID_CARD_EXPIRATION: "카드 정보를 다시 확인해주세요. (유효기간)",
  INVALID_STOPPED_CARD: "정지된 카드 입니다.",
  EXCEED_MAX_AUTH_COUNT: "최대 인증 횟수를 초과했습니다. 카드사로 문의해주세요.",
  BELOW_MINIMUM_AMOUNT: "신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다.",
  COMMON_ERROR: "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.",
} as const;

export type PaymentWindowFailureCode = keyof typeof PAYMENT_WINDOW_FAILURES;

/**
 * What the card registration window (requestBillingAuth) sends to failUrl: the buyer closing it, and the
 * card refusals Toss's table lists for issuing a billing key.
 */
export const BILLING_WINDOW_FAILURES = {
  PAY_PROCESS_CANCELED: PAYMENT_WINDOW_FAILURES.PAY_PROCESS_CANCELED,
  REJECT_CARD_COMPANY: TOSS_ERRORS.REJECT_CARD_COMPANY.message,
  INVALID_CARD_NUMBER: TOSS_ERRORS.INVALID_CARD_NUMBER.message,
  INVALID_CARD_EXPIRATION: TOSS_ERRORS.INVALID_CARD_EXPIRATION.message,
  INVALID_STOPPED_CARD: TOSS_ERRORS.INVALID_STOPPED_CARD.message,
  NOT_SUPPORTED_CARD_TYPE: TOSS_ERRORS.NOT_SUPPORTED_CARD_TYPE.message,
  EXCEED_MAX_AUTH_COUNT: TOSS_ERRORS.EXCEED_MAX_AUTH_COUNT.message,
  COMMON_ERROR: PAYMENT_WINDOW_FAILURES.COMMON_ERROR,
} as const;

export type BillingWindowFailureCode = keyof typeof BILLING_WINDOW_FAILURES;

export function isBillingWindowFailureCode(code: string): code is BillingWindowFailureCode {
  return Object.hasOwn(BILLING_WINDOW_FAILURES, code);
}

/**
 * Codes the console can make a billing key's next charge fail with (the card refusals of a normal
 * confirm, the daily count, and Toss's undecided 5xx / PROVIDER_ERROR). A refusal ends the charge
 * ABORTED (a Payment with `failure`, and its webhook); an undecided one records nothing.
 */
export const BILLING_CHARGE_FAILURE_CODES = [
  "REJECT_CARD_PAYMENT",
  "REJECT_CARD_COMPANY",
  "INVALID_CARD_EXPIRATION",
  "INVALID_STOPPED_CARD",
  "INVALID_CARD_LOST_OR_STOLEN",
  "INVALID_REJECT_CARD",
  "EXCEED_MAX_DAILY_PAYMENT_COUNT",
  "EXCEED_MAX_AMOUNT",
  "NOT_SUPPORTED_CARD_TYPE",
  "CARD_PROCESSING_ERROR",
  "PROVIDER_ERROR",
  "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING",
  "FAILED_INTERNAL_SYSTEM_PROCESSING",
  "UNKNOWN_PAYMENT_ERROR",
] as const satisfies readonly TossErrorCode[];

export type BillingChargeFailureCode = (typeof BILLING_CHARGE_FAILURE_CODES)[number];

export function isBillingChargeFailureCode(code: string): code is BillingChargeFailureCode {
  return (BILLING_CHARGE_FAILURE_CODES as readonly string[]).includes(code);
}

export function isPaymentWindowFailureCode(code: string): code is PaymentWindowFailureCode {
  return Object.hasOwn(PAYMENT_WINDOW_FAILURES, code);
}
