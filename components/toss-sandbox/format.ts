// Display helpers for the sandbox's pages (Korean UI, amounts in ₩).

const wonFormat = new Intl.NumberFormat("ko-KR", { style: "currency", currency: "KRW" });
const timeFormat = new Intl.DateTimeFormat("ko-KR", {
  timeZone: "Asia/Seoul",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

export function won(amount: number): string {
  return wonFormat.format(amount);
}

export function kstTime(date: Date | null | undefined): string {
  return date ? timeFormat.format(date) : "—";
}

export const METHOD_LABELS: Record<string, string> = { 카드: "카드", 가상계좌: "가상계좌", 간편결제: "간편결제" };

export function methodLabel(method: string, easyPayProvider?: string | null): string {
  return method === "간편결제" && easyPayProvider ? `${easyPayProvider} (간편결제)` : method;
}

/** Which SDK and key family opened a payment: "v2 결제창" with "API 개별 연동 키 (test_ck_)". */
export function integrationLabel(sdkVersion: string, keyFamily: string): { integration: string; keys: string } {
  const widget = keyFamily !== "API_INDIVIDUAL";
  return {
    integration: `SDK ${sdkVersion} ${widget ? "결제위젯" : "결제창"}`,
    keys: widget ? "결제위젯 연동 키 (test_gck_)" : "API 개별 연동 키 (test_ck_)",
  };
}

export const STATUS_LABELS: Record<string, string> = {
  READY: "결제창 열림",
  IN_PROGRESS: "인증 완료 · 승인 대기",
  WAITING_FOR_DEPOSIT: "입금 대기",
  DONE: "결제 완료",
  CANCELED: "취소",
  PARTIAL_CANCELED: "부분 취소",
  ABORTED: "승인 실패",
  EXPIRED: "만료",
  PENDING: "전송 대기",
  SENDING: "전송 중",
  DELIVERED: "전송 성공",
  FAILED: "전송 실패",
};
