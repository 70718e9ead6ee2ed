import { AppError } from "@/lib/errors";

// The expected failures of the operator console: a code, an HTTP status and a Korean message.
export const adminErrors = {
  // Anyone who is not an operator: the same 404 as a route that does not exist.
  notFound: () => new AppError({ code: "NOT_FOUND", status: 404, userMessage: "찾을 수 없는 페이지예요." }),
  orderNotFound: () => new AppError({ code: "ORDER_NOT_FOUND", status: 404, userMessage: "주문을 찾을 수 없어요." }),
  notRefundable: (reason: string) => new AppError({ code: "NOT_REFUNDABLE", status: 409, userMessage: reason }),
  /** The refund would take back more of the pack than its lot has left: the rest would be a shortfall. */
  creditsSpent: (lot: { remaining: number; amount: number }, credits: number) =>
    new AppError({
      code: "CREDITS_SPENT",
      status: 409,
      userMessage: `구매자가 이 팩의 크레딧을 사용했어요(${lot.amount}개 중 ${lot.remaining}개 남음). 이 환불로 회수할 크레딧은 ${credits}개라, 이미 사용된 ${credits - lot.remaining}개는 회수하지 못하고 부족분으로 기록돼요. 그래도 환불하려면 '사용분이 있어도 환불(부족분으로 기록)'을 선택하고, 남은 크레딧만큼만 환불하려면 '미사용분만 환불'을 골라 주세요.`,
      details: { remaining: lot.remaining, amount: lot.amount, credits, shortfall: credits - lot.remaining },
    }),
  nothingUnused: (reason: string) => new AppError({ code: "NO_UNUSED_CREDITS", status: 409, userMessage: reason }),
  requestIdReused: () =>
    new AppError({
      code: "REQUEST_ID_REUSED",
      status: 409,
      userMessage: "같은 요청 번호로 다른 내용의 요청이 이미 처리됐어요. 화면을 새로 고친 뒤 다시 시도해 주세요.",
    }),
  notEnoughCredits: (balance: number, credits: number) =>
    new AppError({
      code: "INSUFFICIENT_CREDITS",
      status: 409,
      userMessage: `구매자의 크레딧이 부족해요(잔액 ${balance}개, 차감할 크레딧 ${credits}개). 크레딧 잔액은 0개 아래로 내려갈 수 없어요.`,
      details: { balance, required: credits },
    }),
  noPlan: () => new AppError({ code: "NO_PLAN", status: 404, userMessage: "이 구매자는 정기 충전을 설정한 적이 없어요." }),
  noTopUp: () => new AppError({ code: "NO_TOP_UP", status: 404, userMessage: "이 구매자는 잔액 기준 자동충전을 설정한 적이 없어요." }),
  invalidRange: () =>
    new AppError({ code: "INVALID_RANGE", status: 400, userMessage: "기간을 확인해 주세요. 시작일은 종료일보다 늦을 수 없고, 최대 1년까지 조회할 수 있어요." }),
};
