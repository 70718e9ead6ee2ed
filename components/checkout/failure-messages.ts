// Friendly Korean for the failures a buyer meets: Toss's fail-redirect codes and confirm refusals
// (TOSS.md "Errors"). Unknown codes fall back to the message Toss (or our server) gave.

export const PAY_PROCESS_CANCELED = "PAY_PROCESS_CANCELED";

const TEMPORARY = "결제 처리 중 일시적인 문제가 생겼어요. 잠시 후 다시 시도해 주세요.";
const OTHER_CARD = "다른 카드나 결제 수단으로 다시 시도해 주세요.";

const MESSAGES: Record<string, string> = {
  PAY_PROCESS_CANCELED: "결제를 취소했어요.",
  PAY_PROCESS_ABORTED: "결제가 중간에 멈췄어요. 다시 시도해 주세요.",
  REJECT_CARD_COMPANY: `카드사에서 결제를 거절했어요. ${OTHER_CARD}`,
  REJECT_CARD_PAYMENT: `한도 초과 또는 잔액 부족으로 결제하지 못했어요. ${OTHER_CARD}`,
  REJECT_ACCOUNT_PAYMENT: "계좌 잔액이 부족해 결제하지 못했어요.",
  INVALID_CARD_EXPIRATION: "카드 유효기간을 다시 확인해 주세요.",
  INVALID_STOPPED_CARD: `정지된 카드예요. ${OTHER_CARD}`,
  INVALID_CARD_LOST_OR_STOLEN: `분실 또는 도난 신고된 카드예요. ${OTHER_CARD}`,
  INVALID_CARD_NUMBER: "카드 번호를 다시 확인해 주세요.",
  INVALID_REJECT_CARD: "카드 사용이 거절됐어요. 카드사에 문의하거나 다른 결제 수단을 이용해 주세요.",
  EXCEED_MAX_AMOUNT: `결제 한도를 넘었어요. ${OTHER_CARD}`,
  EXCEED_MAX_DAILY_PAYMENT_COUNT: "오늘 결제할 수 있는 횟수를 넘었어요. 다른 결제 수단을 이용해 주세요.",
  EXCEED_MAX_AUTH_COUNT: "인증 횟수를 넘었어요. 카드사에 문의해 주세요.",
  NOT_FOUND_PAYMENT_SESSION: "결제 시간이 지나 결제가 진행되지 않았어요. 처음부터 다시 시도해 주세요.",
  CARD_PROCESSING_ERROR: "카드사에서 일시적인 오류가 생겼어요. 잠시 후 다시 시도해 주세요.",
  PROVIDER_ERROR: TEMPORARY,
  FAILED_INTERNAL_SYSTEM_PROCESSING: TEMPORARY,
  FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING: TEMPORARY,
  UNKNOWN_PAYMENT_ERROR: "결제에 실패했어요. 같은 문제가 반복되면 카드사나 은행에 문의해 주세요.",
};

const FALLBACK = "결제를 완료하지 못했어요. 다시 시도해 주세요.";
const hangul = /[\uac00-\ud7a3]/;

/** The message to show for a failure code; `given` (Toss's text) when we have none of our own. */
export function failureMessage(code: string | null | undefined, given?: string | null): string {
  if (code && MESSAGES[code]) return MESSAGES[code];
  const text = given?.trim();
  return text && hangul.test(text) && text.length <= 200 ? text : FALLBACK;
}
