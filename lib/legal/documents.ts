// The versions of the documents a buyer agrees to (이용약관, 개인정보처리방침) and the refund policy.
// A new version is a new entry at the top: the pages show the current one with its effective date and
// list the earlier ones, and a signed-in user who agreed to an older version is asked again once
// (lib/auth/consent.ts). Only the terms and the privacy policy need consent; the refund policy is part
// of the terms and is shown before every payment.

export interface DocumentVersion {
  /** stored with each consent: "2026-12-04" */
  version: string;
  /** the day it takes effect (KST) */
  effectiveFrom: string;
  /** what changed, for the list of versions */
  summary: string;
}

export const TERMS_VERSIONS: readonly DocumentVersion[] = [
  { version: "2026-12-04", effectiveFrom: "2026-12-04", summary: "최초 제정" },
];

export const PRIVACY_VERSIONS: readonly DocumentVersion[] = [
  { version: "2026-12-04", effectiveFrom: "2026-12-04", summary: "최초 제정" },
];

export const REFUND_POLICY_VERSIONS: readonly DocumentVersion[] = [
  { version: "2026-12-04", effectiveFrom: "2026-12-04", summary: "최초 제정" },
];

export const CURRENT_TERMS = TERMS_VERSIONS[0]!;
export const CURRENT_PRIVACY = PRIVACY_VERSIONS[0]!;
export const CURRENT_REFUND_POLICY = REFUND_POLICY_VERSIONS[0]!;
