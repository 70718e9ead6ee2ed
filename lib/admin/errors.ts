import { AppError } from "@/lib/errors";

// The expected failures of the operator console: a code, an HTTP status and a Korean message.
export const adminErrors = {
  // Anyone who is not an operator: the same 404 as a route that does not exist.
  notFound: () => new AppError({ code: "NOT_FOUND", status: 404, userMessage: "찾을 수 없는 페이지예요." }),
  orderNotFound: () => new AppError({ code: "ORDER_NOT_FOUND", status: 404, userMessage: "주문을 찾을 수 없어요." }),
  notRefundable: (reason: string) => new AppError({ code: "NOT_REFUNDABLE", status: 409, userMessage: reason }),
  creditsSpent: (balance: number, credits: number) =>
    new AppError({
      code: "CREDITS_SPENT",
      status: 409,
      userMessage: `구매자가 이 팩의 크레딧을 일부 사용했어요(잔액 ${balance}개, 회수할 크레딧 ${credits}개). 잔액이 음수가 되어도 환불하려면 '잔액이 음수가 되어도 환불' 을 선택해 주세요.`,
    }),
  notEnoughCredits: (balance: number, credits: number) =>
    new AppError({
      code: "INSUFFICIENT_CREDITS",
      status: 409,
      userMessage: `구매자의 크레딧이 부족해요(잔액 ${balance}개, 차감할 크레딧 ${credits}개). 크레딧 잔액은 0개 아래로 내려갈 수 없어요.`,
      details: { balance, required: credits },
    }),
  invalidRange: () =>
    new AppError({ code: "INVALID_RANGE", status: 400, userMessage: "기간을 확인해 주세요. 시작일은 종료일보다 늦을 수 없고, 최대 1년까지 조회할 수 있어요." }),
};
