// Korean messages for what Toss's widget SDK throws in the browser (not the fail redirect's codes: those
// are in failure-messages.ts). The SDK rejects with `{code, message}`; script loading fails with an Error.

export const WIDGET_LOAD_FAILED = "결제 모듈을 불러오지 못했어요. 네트워크 상태를 확인하고 다시 시도해 주세요.";
export const WIDGET_KEY_INVALID = "결제 설정에 문제가 있어 결제 수단을 불러오지 못했어요. 잠시 후 다시 시도해 주세요.";
export const AGREEMENT_REQUIRED = "필수 약관에 동의해 주세요.";
const REQUEST_FAILED = "결제를 시작하지 못했어요. 잠시 후 다시 시도해 주세요.";

const REQUEST_MESSAGES: Record<string, string> = {
  NEED_AGREEMENT_WITH_REQUIRED_TERMS: AGREEMENT_REQUIRED,
  NOT_SELECTED_PAYMENT_METHOD: "결제 수단을 선택해 주세요.",
  NEED_CARD_PAYMENT_DETAIL: "카드를 선택해 주세요.",
  NEED_REFUND_ACCOUNT_DETAIL: "환불받을 계좌 정보를 입력해 주세요.",
  USER_CANCEL: "결제를 취소했어요.",
  PAY_PROCESS_CANCELED: "결제를 취소했어요.",
  INVALID_CLIENT_KEY: WIDGET_KEY_INVALID,
  UNAUTHORIZED_KEY: WIDGET_KEY_INVALID,
  INVALID_API_KEY: WIDGET_KEY_INVALID,
};

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

const hangul = /[\uac00-\ud7a3]/;

/** The message for a failed requestPayment: ours for the codes we know, Toss's Korean text otherwise. */
export function requestErrorMessage(error: unknown): string {
  const code = codeOf(error);
  if (code && REQUEST_MESSAGES[code]) return REQUEST_MESSAGES[code];
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" && hangul.test(message) && message.length <= 200 ? message : REQUEST_FAILED;
}

/** The message for a widget that could not be loaded or rendered. */
export function loadErrorMessage(error: unknown): string {
  const code = codeOf(error);
  if (code && REQUEST_MESSAGES[code] === WIDGET_KEY_INVALID) return WIDGET_KEY_INVALID;
  if (code && /KEY/.test(code)) return WIDGET_KEY_INVALID;
  return WIDGET_LOAD_FAILED;
}
