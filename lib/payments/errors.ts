import { AppError } from "@/lib/errors";

// The expected failures of the payment flow: a code, an HTTP status and a Korean message for the buyer.
export const paymentErrors = {
  unauthenticated: () => new AppError({ code: "UNAUTHENTICATED", status: 401, userMessage: "로그인이 필요해요." }),
  // The user has not agreed to the terms and privacy policy in force (an OAuth first sign-in, a new version).
  consentRequired: () =>
    new AppError({ code: "CONSENT_REQUIRED", status: 403, userMessage: "이용약관과 개인정보 처리방침에 동의한 뒤 결제할 수 있어요." }),
  productNotFound: () =>
    new AppError({ code: "PRODUCT_NOT_FOUND", status: 404, userMessage: "찾을 수 없는 상품이에요. 요금제에서 다시 골라 주세요." }),
  // Another user's order answers exactly like a missing one: no hint that it exists.
  orderNotFound: () => new AppError({ code: "ORDER_NOT_FOUND", status: 404, userMessage: "주문을 찾을 수 없어요." }),
  amountMismatch: () =>
    new AppError({ code: "AMOUNT_MISMATCH", status: 400, userMessage: "결제 금액이 주문 금액과 달라요. 결제가 진행되지 않았어요." }),
  paymentKeyMismatch: () =>
    new AppError({ code: "PAYMENT_KEY_MISMATCH", status: 409, userMessage: "이 주문에는 다른 결제가 연결되어 있어요." }),
  orderClosed: (label: string) =>
    new AppError({ code: "ORDER_CLOSED", status: 409, userMessage: `이미 ${label} 주문이에요. 새로 주문해 주세요.` }),
  tossRefused: (code: string, message: string) => new AppError({ code, status: 402, userMessage: message }),
  tossUnavailable: () =>
    new AppError({ code: "TOSS_UNAVAILABLE", status: 503, userMessage: "결제사 응답이 늦어지고 있어요. 잠시 후 다시 시도해 주세요." }),
  notRefundable: (reason: string) => new AppError({ code: "NOT_REFUNDABLE", status: 409, userMessage: reason }),
};
