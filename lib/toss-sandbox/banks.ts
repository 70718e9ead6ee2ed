// Toss's bank codes (docs.tosspayments.com/codes/org-codes, API version 2022-11-16: two-digit codes).
// The payment window offers these for a virtual account; a refund account may name one by code or name.

export const BANKS = [
  { code: "39", name: "경남은행" },
  { code: "34", name: "광주은행" },
  { code: "06", name: "KB국민은행" },
  { code: "03", name: "IBK기업은행" },
  { code: "11", name: "NH농협은행" },
  { code: "31", name: "iM뱅크(대구)" },
  { code: "32", name: "부산은행" },
  { code: "45", name: "새마을금고" },
  { code: "07", name: "Sh수협은행" },
  { code: "88", name: "신한은행" },
  { code: "48", name: "신협" },
  { code: "27", name: "씨티은행" },
  { code: "20", name: "우리은행" },
  { code: "71", name: "우체국예금보험" },
  { code: "50", name: "저축은행중앙회" },
  { code: "37", name: "전북은행" },
  { code: "35", name: "제주은행" },
  { code: "90", name: "카카오뱅크" },
  { code: "89", name: "케이뱅크" },
  { code: "92", name: "토스뱅크" },
  { code: "81", name: "하나은행" },
  { code: "23", name: "SC제일은행" },
] as const;

export const DEFAULT_BANK_CODE = "88";

/** A bank code from a code ("88") or a name ("신한", "신한은행"); null when unknown. */
export function bankCodeOf(bank: string): string | null {
  const trimmed = bank.trim();
  const byCode = BANKS.find((b) => b.code === trimmed);
  if (byCode) return byCode.code;
  const byName = BANKS.find((b) => b.name === trimmed || b.name.replace(/은행$/, "") === trimmed.replace(/은행$/, ""));
  return byName?.code ?? null;
}

export function bankNameOf(code: string | null | undefined): string {
  return BANKS.find((b) => b.code === code)?.name ?? code ?? "";
}

/** Card issuers: code, the name the windows show, and the short name of Toss's card-company code table. */
export const CARD_COMPANIES = [
  { code: "61", name: "현대카드", company: "현대" },
  { code: "41", name: "신한카드", company: "신한" },
  { code: "51", name: "삼성카드", company: "삼성" },
  { code: "11", name: "KB국민카드", company: "국민" },
  { code: "31", name: "비씨카드", company: "BC" },
  { code: "71", name: "롯데카드", company: "롯데" },
  { code: "21", name: "하나카드", company: "하나" },
  { code: "33", name: "우리카드", company: "우리" },
  { code: "91", name: "NH농협카드", company: "농협" },
] as const;

export const DEFAULT_CARD_COMPANY = "61";

/** The short issuer name of a card code (the Billing object's cardCompany), or the code when unknown. */
export function cardCompanyOf(code: string): string {
  return CARD_COMPANIES.find((c) => c.code === code)?.company ?? code;
}
