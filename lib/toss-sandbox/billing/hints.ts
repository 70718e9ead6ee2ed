// The sandbox's hints appended to Toss's messages on billing refusals, saying what Toss's code alone
// does not (which key to use, why an authKey is gone). Pure.
import { TOSS_ERRORS, type TossErrorCode } from "../errors";

export function withHint(code: TossErrorCode, hint: string): string {
  return `${TOSS_ERRORS[code].message} (샌드박스: ${hint})`;
}

/** 자동결제 belongs to the API individual key pair: the widget pair of the same merchant sees none of it. */
export const WIDGET_SECRET_HINT = "자동결제는 API 개별 연동 키의 시크릿 키(test_sk_)로 호출하세요. 결제위젯 연동 키(test_gsk_)로는 빌링을 쓸 수 없어요.";
