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
  {
    version: "2026-12-05",
    effectiveFrom: "2026-12-05",
    summary:
      "크레딧 유효기간(유료 크레딧은 결제일부터, 보너스 크레딧은 지급할 때 알리는 기간)과 사용 순서, 만료 신설. 청약철회와 결제 취소 시 회수를 크레딧 팩별로 판단. 자동결제(정기 충전, 자동충전) 조항(제7조의2) 신설(자동결제를 제공하는 경우)",
  },
  { version: "2026-12-04", effectiveFrom: "2026-12-04", summary: "최초 제정" },
];

export const PRIVACY_VERSIONS: readonly DocumentVersion[] = [
  {
    version: "2026-12-05",
    effectiveFrom: "2026-12-05",
    summary:
      "자동결제(정기 충전, 자동충전)를 제공하는 경우 처리하는 개인정보(등록한 카드의 카드사·가려진 카드번호·카드 종류·빌링키, 설정, 동의 기록, 알림)와 보유 기간, 알림 이메일 발송의 위탁(이메일을 보내는 경우) 추가",
  },
  { version: "2026-12-04", effectiveFrom: "2026-12-04", summary: "최초 제정" },
];

export const REFUND_POLICY_VERSIONS: readonly DocumentVersion[] = [
  {
    version: "2026-12-05",
    effectiveFrom: "2026-12-05",
    summary:
      "유효기간과 만료(만료된 크레딧은 환불되지 않음) 추가. 사용하지 않은 팩인지를 잔액이 아니라 그 팩의 크레딧으로 판단. 자동결제로 산 팩도 같은 기준으로 환불함을 명시(자동결제를 제공하는 경우)",
  },
  { version: "2026-12-04", effectiveFrom: "2026-12-04", summary: "최초 제정" },
];

export const CURRENT_TERMS = TERMS_VERSIONS[0]!;
export const CURRENT_PRIVACY = PRIVACY_VERSIONS[0]!;
export const CURRENT_REFUND_POLICY = REFUND_POLICY_VERSIONS[0]!;
