// The business behind the shop, as Korean law and Toss's site review ask to see it (KOREA.md:
// 전자상거래법 §10 and 시행규칙 §5, 개인정보 보호법 §31): read from the environment by lib/env.ts, shown by
// the footer and the legal pages. Without live_ keys and with no complete profile, an obviously
// fictional example business is shown, marked 예시; with live_ keys every field is required.
import { businessInfoUrl, formatRegistrationNumber, hasValidCheckDigit, registrationDigits } from "./registration-number";

export interface BusinessProfile {
  /** true: the fictional example (sandbox, previews), labelled 예시 wherever it is shown */
  isExample: boolean;
  /** 상호 */
  name: string;
  /** 대표자 성명 */
  representative: string;
  /** 사업자등록번호 as printed: 123-45-67891 */
  registrationNumber: string;
  /** the Fair Trade Commission's page for that number (사업자정보 확인) */
  businessInfoUrl: string;
  /** 통신판매업 신고번호 as printed: 제2026-서울강남-0123호 */
  mailOrderNumber: string;
  /** the office that took the 통신판매업 신고 (e.g. 서울특별시 강남구청) */
  mailOrderOffice: string;
  /** 영업소 소재지 */
  address: string;
  /** 고객센터 전화 */
  phone: string;
  /** 고객센터 전자우편 */
  email: string;
  /** 개인정보 보호책임자 */
  privacyOfficer: { name: string; contact: string };
  /** 호스팅서비스 제공자 */
  hostingProvider: string;
}

/** The environment variables of the profile, with what each is called on the page (for messages). */
export const BUSINESS_FIELDS = {
  BUSINESS_NAME: "상호",
  BUSINESS_REPRESENTATIVE: "대표자 성명",
  BUSINESS_REGISTRATION_NUMBER: "사업자등록번호",
  BUSINESS_MAIL_ORDER_NUMBER: "통신판매업 신고번호",
  BUSINESS_MAIL_ORDER_OFFICE: "통신판매업 신고기관",
  BUSINESS_ADDRESS: "영업소 주소",
  BUSINESS_PHONE: "고객센터 전화번호",
  BUSINESS_EMAIL: "고객센터 전자우편",
  PRIVACY_OFFICER_NAME: "개인정보 보호책임자 성명",
  PRIVACY_OFFICER_CONTACT: "개인정보 보호책임자 연락처",
} as const;
export type BusinessField = keyof typeof BUSINESS_FIELDS;

export const DEFAULT_HOSTING_PROVIDER = "Vercel Inc.";

/** Fictional: no such business; 123-45-67891 is the number forms use as an example (its check digit holds). */
export const EXAMPLE_BUSINESS: BusinessProfile = {
  isExample: true,
  name: "예시크레딧 주식회사",
  representative: "홍길동",
  registrationNumber: "123-45-67891",
  businessInfoUrl: businessInfoUrl("1234567891"),
  mailOrderNumber: "제2026-서울강남-0000호",
  mailOrderOffice: "서울특별시 강남구청",
  address: "서울특별시 강남구 예시로 123, 4층",
  phone: "02-000-0000",
  email: "help@example.com",
  privacyOfficer: { name: "홍길동", contact: "privacy@example.com" },
  hostingProvider: DEFAULT_HOSTING_PROVIDER,
};

const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** 02-123-4567, 010-1234-5678, 031-123-4567, 1588-1234, 070-1234-5678 (dashes optional). */
const PHONE = /^(0\d{1,2}-?\d{3,4}-?\d{4}|1\d{3}-?\d{4})$/;
/** 2026-서울강남-0123, with or without 제 … 호 around it. */
const MAIL_ORDER = /^(?:제\s*)?(\d{4})-([가-힣A-Za-z0-9]+)-(\d{1,6})(?:\s*호)?$/;

type Source = Partial<Record<BusinessField | "HOSTING_PROVIDER", string | undefined>>;

export interface ProfileReading {
  profile: BusinessProfile;
  /** malformed fields (always refused) and, with live_ keys, missing ones: "NAME: …" lines */
  problems: string[];
  /** a profile begun but not finished without live_ keys: the example is shown meanwhile */
  warnings: string[];
}

/**
 * The profile from trimmed, non-blank values. `required` (live_ keys): every field must be set.
 * Otherwise a complete profile is shown as it is, and anything less shows the example.
 */
export function readBusinessProfile(source: Source, { required }: { required: boolean }): ProfileReading {
  const problems: string[] = [];
  const value = (name: BusinessField) => source[name]?.trim() || undefined;

  const digits = value("BUSINESS_REGISTRATION_NUMBER") && registrationDigits(value("BUSINESS_REGISTRATION_NUMBER")!);
  if (value("BUSINESS_REGISTRATION_NUMBER")) {
    if (!digits) problems.push("BUSINESS_REGISTRATION_NUMBER: must be the 10 digits of a 사업자등록번호 (123-45-67891)");
    else if (!hasValidCheckDigit(digits)) problems.push("BUSINESS_REGISTRATION_NUMBER: the check digit does not match (a mistyped digit?)");
  }
  const mailOrder = value("BUSINESS_MAIL_ORDER_NUMBER")?.match(MAIL_ORDER);
  if (value("BUSINESS_MAIL_ORDER_NUMBER") && !mailOrder) {
    problems.push("BUSINESS_MAIL_ORDER_NUMBER: must be a 통신판매업 신고번호 like 2026-서울강남-0123 (제 and 호 optional)");
  }
  for (const name of ["BUSINESS_PHONE"] as const) {
    if (value(name) && !PHONE.test(value(name)!)) problems.push(`${name}: must be a Korean phone number like 02-123-4567 or 1588-1234`);
  }
  if (value("BUSINESS_EMAIL") && !EMAIL.test(value("BUSINESS_EMAIL")!)) problems.push("BUSINESS_EMAIL: must be an e-mail address");
  const officerContact = value("PRIVACY_OFFICER_CONTACT");
  if (officerContact && !EMAIL.test(officerContact) && !PHONE.test(officerContact)) {
    problems.push("PRIVACY_OFFICER_CONTACT: must be an e-mail address or a Korean phone number");
  }

  const missing = (Object.keys(BUSINESS_FIELDS) as BusinessField[]).filter((name) => !value(name));
  const warnings: string[] = [];
  if (required) {
    for (const name of missing) problems.push(`${name}: required with live_ Toss keys (${BUSINESS_FIELDS[name]}: 전자상거래법 §10, shown in the footer)`);
  } else if (missing.length && missing.length < Object.keys(BUSINESS_FIELDS).length) {
    warnings.push(`The business profile is incomplete (${missing.join(", ")} unset): the footer shows the example business (예시) until every field is set.`);
  }

  const hostingProvider = source.HOSTING_PROVIDER?.trim() || DEFAULT_HOSTING_PROVIDER;
  if (missing.length || problems.length || !digits || !mailOrder) return { profile: { ...EXAMPLE_BUSINESS, hostingProvider }, problems, warnings };
  return {
    profile: {
      isExample: false,
      name: value("BUSINESS_NAME")!,
      representative: value("BUSINESS_REPRESENTATIVE")!,
      registrationNumber: formatRegistrationNumber(digits),
      businessInfoUrl: businessInfoUrl(digits),
      mailOrderNumber: `제${mailOrder[1]}-${mailOrder[2]}-${mailOrder[3]}호`,
      mailOrderOffice: value("BUSINESS_MAIL_ORDER_OFFICE")!,
      address: value("BUSINESS_ADDRESS")!,
      phone: value("BUSINESS_PHONE")!,
      email: value("BUSINESS_EMAIL")!,
      privacyOfficer: { name: value("PRIVACY_OFFICER_NAME")!, contact: officerContact! },
      hostingProvider,
    },
    problems,
    warnings,
  };
}
