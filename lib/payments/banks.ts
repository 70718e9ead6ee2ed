// Toss's bank codes (은행 코드) for virtual accounts, as shown to buyers.
const BANKS: Record<string, string> = {
  "02": "KDB산업은행",
  "03": "IBK기업은행",
  "04": "KB국민은행",
  "07": "수협은행",
  "11": "NH농협은행",
  "20": "우리은행",
  "23": "SC제일은행",
  "27": "씨티은행",
  "31": "iM뱅크(대구)",
  "32": "부산은행",
  "34": "광주은행",
  "35": "제주은행",
  "37": "전북은행",
  "39": "경남은행",
  "45": "새마을금고",
  "48": "신협",
  "71": "우체국예금보험",
  "81": "하나은행",
  "88": "신한은행",
  "89": "케이뱅크",
  "90": "카카오뱅크",
  "92": "토스뱅크",
};

export function bankName(code: string | null | undefined): string | null {
  if (!code) return null;
  return BANKS[code] ?? `은행 코드 ${code}`;
}
