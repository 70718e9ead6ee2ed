import { AppError } from "@/lib/errors";

// The expected failures of saved cards and automatic purchases: a code, an HTTP status, a Korean message.
export const billingErrors = {
  notConfigured: () =>
    new AppError({ code: "BILLING_NOT_AVAILABLE", status: 503, userMessage: "지금은 카드 등록(자동결제)을 사용할 수 없어요." }),
  // The registration came back for another customer: never store a key that charges someone else's card.
  customerMismatch: () =>
    new AppError({ code: "CUSTOMER_KEY_MISMATCH", status: 403, userMessage: "다른 계정에서 시작한 카드 등록이에요. 다시 등록해 주세요." }),
  registrationRefused: (message: string) => new AppError({ code: "CARD_REGISTRATION_FAILED", status: 402, userMessage: message }),
  registrationUnknown: () =>
    new AppError({ code: "TOSS_UNAVAILABLE", status: 503, userMessage: "카드 등록 결과를 아직 확인하지 못했어요. 잠시 후 다시 시도해 주세요." }),
  noCard: () => new AppError({ code: "NO_SAVED_CARD", status: 409, userMessage: "등록된 카드가 없어요. 카드를 먼저 등록해 주세요." }),
  productNotFound: () => new AppError({ code: "PRODUCT_NOT_FOUND", status: 404, userMessage: "찾을 수 없는 상품이에요." }),
};
