// 사업자등록번호: 10 digits, abc-de-fghij, the last a check digit over the first nine (KOREA.md):
// weights 1,3,7,1,3,7,1,3,5, plus floor(9th digit × 5 / 10); check = (10 − sum mod 10) mod 10.
// Catches a mistyped digit before the number goes on every page and into Toss's site review.

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** The ten digits of a number written with or without dashes or spaces; null when it is not ten digits. */
export function registrationDigits(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{10}$/.test(digits) ? digits : null;
}

/** Whether the tenth digit is the check digit of the first nine. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  let sum = WEIGHTS.reduce((total, weight, i) => total + weight * d[i]!, 0);
  sum += Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

/** "1234567891" → "123-45-67891", as it is printed. */
export function formatRegistrationNumber(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** The Fair Trade Commission's page that shows the business's 통신판매업 registration (사업자정보 확인). */
export function businessInfoUrl(digits: string): string {
  return `https://www.ftc.go.kr/bizCommPop.do?wrkr_no=${digits}`;
}
