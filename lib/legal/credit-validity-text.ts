// How long paid credits stay valid, in words, from CREDIT_VALIDITY_MONTHS: the value the settle statement
// gives each paid pack's lot (lib/credits/ledger.ts), so that the rules before payment, the pack cards and
// the terms state the period the code applies. Pure.

/** 60 → "5년", 12 → "1년", 18 → "18개월", 6 → "6개월" */
export function creditValidityText(months: number): string {
  if (!Number.isInteger(months) || months < 1) throw new Error(`creditValidityText: expected a whole number of months, got ${months}`);
  return months % 12 === 0 ? `${months / 12}년` : `${months}개월`;
}
