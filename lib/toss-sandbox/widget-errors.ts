// Errors the browser SDKs reject with, with the codes and messages of Toss's SDKs (docs "결제위젯 SDK
// 에러" and "결제창 SDK 에러", v1 and v2; INVALID_ORDER_ID / INVALID_ORDER_NAME / DUPLICATED_ORDER_ID from
// the API table), and the methods the sandbox offers. Shared by the browser scripts (bundled into them,
// lib/toss-sandbox/browser) and the server that opens the payment window. Pure: no server-only import.

export const WIDGET_ERRORS = {
  INVALID_CLIENT_KEY: "ClientKey 형태가 올바르지 않습니다.",
  INSECURE_KEY_USAGE:
    "test_gsk, live_gsk로 시작하는 시크릿 키는 클라이언트 코드에 노출되면 안 됩니다. 구매자를 식별하는 customerKey 값을 사용해주세요.",
  NOT_SUPPORTED_API_INDIVIDUAL_KEY: "결제위젯 연동 키의 클라이언트 키로 SDK를 연동해주세요. API 개별 연동 키는 지원하지 않습니다.",
  NOT_SUPPORTED_WIDGET_KEY: "API 개별 연동 키의 클라이언트 키로 SDK를 연동해주세요. 결제위젯 연동 키는 지원하지 않습니다.",
  NOT_SUPPORTED_METHOD: "지원되지 않는 결제수단입니다.",
  USER_CANCEL: "취소되었습니다.",
  INVALID_METADATA: "올바르지 않은 metadata 형식입니다.",
  INVALID_CUSTOMER_KEY: "고객키는 영문 대소문자, 숫자, 특수문자 -, _, =, ., @로 2자 이상 50자 이하여야 합니다.",
  INVALID_SELECTOR: "selector에 해당하는 HTML 요소를 찾을 수 없습니다. selector 값을 다시 확인해주세요.",
  INVALID_AMOUNT_VALUE: "결제금액이 올바르지 않습니다.",
  INVALID_AMOUNT_CURRENCY: "잘못된 통화 값입니다.",
  BELOW_ZERO_AMOUNT: "금액은 0보다 커야 합니다.",
  BELOW_MINIMUM_AMOUNT: "신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다.",
  INVALID_PARAMETER: "허용하지 않는 이벤트입니다.",
  INVALID_PARAMETERS:
    "필수 파라미터를 누락하거나, 정의되지 않은 파라미터를 추가하거나, 파라미터의 타입이 올바르지 않을 때 발생합니다.",
  INVALID_ORDER_ID: "orderId는 영문 대소문자, 숫자, 특수문자(-, _, =) 만 허용합니다. 6자 이상 64자 이하여야 합니다.",
  INVALID_ORDER_NAME: "주문 이름은 100자 이하여야 합니다.",
  INVALID_EMAIL: "이메일 주소 형식에 맞지 않습니다.",
  INCORRECT_SUCCESS_URL_FORMAT: "잘못된 successUrl 입니다.",
  INCORRECT_FAIL_URL_FORMAT: "잘못된 failUrl 입니다.",
  NOT_SUPPORTED_PROMISE: "Promise 방식을 지원하지 않습니다. successUrl, failUrl을 사용해주세요.",
  NOT_SETUP_AMOUNT: "결제금액이 설정되지 않았습니다. renderPaymentMethods를 먼저 호출해주세요.",
  NEED_AGREEMENT_WITH_REQUIRED_TERMS: "필수 약관에 동의해주세요.",
  NOT_SELECTED_PAYMENT_METHOD: "결제수단이 아직 선택되지 않았어요. 결제수단을 선택해 주세요.",
  PAYMENT_METHODS_WIDGET_ALREADY_RENDERED: "하나의 결제수단 위젯만을 사용할 수 있어요.",
  AGREEMENT_WIDGET_ALREADY_RENDERED: "하나의 약관 위젯만을 사용할 수 있어요.",
  INVALID_METHOD_TRANSACTION: "이미 다른 요청을 수행하고 있어요.",
  DUPLICATED_ORDER_ID: "이미 승인 및 취소가 진행된 중복된 주문번호 입니다. 다른 주문번호로 진행해주세요.",
  NETWORK_ERROR: "네트워크 오류가 발생했습니다. 잠시 후 다시 시도해주세요.",
  UNKNOWN: "알 수 없는 에러가 발생했습니다.",
} as const;

export type WidgetErrorCode = keyof typeof WIDGET_ERRORS;

export class WidgetError extends Error {
  constructor(
    readonly code: WidgetErrorCode,
    message?: string,
  ) {
    super(message ?? WIDGET_ERRORS[code]);
    this.name = "WidgetError";
  }

  toJSON() {
    return { code: this.code, message: this.message };
  }
}

/**
 * Every method the sandbox's payment window takes, as Toss names them in the SDK (key) and in the
 * Payment object (method). The widget offers the first three; the v2 payment window (payment()) takes
 * CARD (and a card.easyPay 간편결제 in DIRECT flow), VIRTUAL_ACCOUNT, TRANSFER and MOBILE_PHONE.
 */
export const PAYMENT_METHODS = [
  { key: "CARD", label: "카드", method: "카드", easyPayProvider: null },
  { key: "VIRTUAL_ACCOUNT", label: "가상계좌", method: "가상계좌", easyPayProvider: null },
  { key: "TOSSPAY", label: "토스페이", method: "간편결제", easyPayProvider: "토스페이" },
  { key: "NAVERPAY", label: "네이버페이", method: "간편결제", easyPayProvider: "네이버페이" },
  { key: "KAKAOPAY", label: "카카오페이", method: "간편결제", easyPayProvider: "카카오페이" },
  { key: "TRANSFER", label: "계좌이체", method: "계좌이체", easyPayProvider: null },
  { key: "MOBILE_PHONE", label: "휴대폰", method: "휴대폰", easyPayProvider: null },
] as const;

export type PaymentMethodKey = (typeof PAYMENT_METHODS)[number]["key"];

/** The methods the sandbox widget (v1 and v2) offers. */
export const WIDGET_METHODS = PAYMENT_METHODS.filter((m) => m.key === "CARD" || m.key === "VIRTUAL_ACCOUNT" || m.key === "TOSSPAY");

/** The methods payment().requestPayment({ method }) takes in the sandbox; the rest of Toss's are NOT_SUPPORTED_METHOD. */
export const PAYMENT_WINDOW_METHODS = ["CARD", "VIRTUAL_ACCOUNT", "TRANSFER", "MOBILE_PHONE"] as const;

/** card.easyPay codes a DIRECT card flow opens as 간편결제. */
export const EASY_PAY_CODES = ["TOSSPAY", "NAVERPAY", "KAKAOPAY"] as const;

/** The smallest amount per method: cards and easy pay 100 won, account-based methods 200 won. */
export function minimumAmountOf(method: string): number {
  return method === "가상계좌" || method === "계좌이체" ? 200 : 100;
}

export const ORDER_ID_RULE = /^[A-Za-z0-9\-_=]{6,64}$/;
export const CUSTOMER_KEY_RULE = /^[A-Za-z0-9\-_=.@]{2,50}$/;
/** 자동결제's customerKey: the same characters, 2–300 of them (Toss's API reference, "Billing 객체"). */
export const BILLING_CUSTOMER_KEY_RULE = /^[A-Za-z0-9\-_=.@]{2,300}$/;
/** What TossPayments.ANONYMOUS is: a guest cannot own a billing key. */
export const ANONYMOUS_CUSTOMER_KEY = "@@ANONYMOUS";
export const BILLING_CUSTOMER_KEY_MESSAGE = "고객키는 영문 대소문자, 숫자, 특수문자 -, _, =, ., @로 2자 이상 300자 이하여야 합니다. (자동결제는 비회원 고객키를 쓸 수 없어요.)";
export const EMAIL_RULE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MOBILE_PHONE_RULE = /^\d{8,15}$/;
