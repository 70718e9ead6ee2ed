// Whom the shop entrusts personal data to (개인정보 처리위탁, 개인정보 보호법 §26) and which of them are
// abroad (국외 이전, §28-8), as configured: the privacy policy lists a processor only when this deployment
// really uses it. Toss Payments always (every payment goes through it); the host from the business
// profile; the e-mail sender only when notices are e-mailed (SMTP_URL, and automatic purchases on: they are
// what the notices are about); Sentry only with a DSN; Kakao and Google only with their keys. Pure: the
// page passes the configuration in, the tests pass tables.

export interface ProcessorConfig {
  /** the business profile's 호스팅서비스 제공자 (default "Vercel Inc.") */
  hostingProvider: string;
  /**
   * The notices' mail transport when notices are e-mailed (SMTP_URL, with MAIL_PROVIDER_NAME when given),
   * else null
   */
  mail: { smtpUrl: string; providerName: string | null } | null;
  /** SENTRY_DSN when error reporting is on, else null */
  sentryDsn: string | null;
  kakao: boolean;
  google: boolean;
}

/** What 개인정보 보호법 §28-8 ② asks the policy to say of a transfer abroad. */
export interface TransferAbroad {
  /** 이전되는 국가 */
  country: string;
  /** 이전되는 개인정보 항목 */
  items: string;
  /** 이전 일시 및 방법 */
  how: string;
  /** 이전받는 자의 이용 목적 */
  purpose: string;
  /** 보유·이용 기간 */
  retention: string;
  /** 이전받는 자의 연락처 (their privacy page) */
  contact: string;
  /** 거부 방법 및 거부의 효과 */
  refusal: string;
}

export interface Processor {
  id: "toss" | "hosting" | "mail" | "sentry" | "kakao" | "google";
  /** 수탁자 */
  name: string;
  /** 위탁 업무 */
  task: string;
  /** where the processor is, when known */
  country: string | null;
  abroad: TransferAbroad | null;
}

const REFUSE_BY_LEAVING =
  "서비스 제공에 꼭 필요한 이전이므로 따로 거부할 수 없으며, 거부하시려면 회원 탈퇴를 요청해 주세요(탈퇴하면 서비스를 이용할 수 없습니다).";

export const TOSS_PAYMENTS: Processor = {
  id: "toss",
  name: "토스페이먼츠 주식회사",
  task: "결제 처리(신용·체크카드, 가상계좌, 간편결제 등), 결제 취소와 환불",
  country: "대한민국",
  abroad: null,
};

/** The host, and for Vercel (a US company) the transfer abroad it means. Another host: as named, country unknown. */
export function hostingProcessor(hostingProvider: string): Processor {
  const name = hostingProvider.trim();
  const task = "서비스 운영을 위한 서버 호스팅(요청 처리, 서버 접속 기록 보관)";
  if (!/\bvercel\b/i.test(name)) return { id: "hosting", name, task, country: null, abroad: null };
  return {
    id: "hosting",
    name,
    task,
    country: "미국",
    abroad: {
      country: "미국",
      items: "서비스를 이용하는 동안 주고받는 정보(계정, 주문·결제, 크레딧 정보)와 접속 기록(IP 주소, 접속 일시, 요청 주소, 브라우저 정보)",
      how: "서비스를 이용할 때마다 네트워크로 전송(요청 처리는 서울 리전에서 하도록 설정되어 있으나, 서버와 기록은 미국 법인이 관리합니다)",
      purpose: "서비스 운영을 위한 서버 호스팅",
      retention: "위탁 계약이 끝날 때까지(접속 기록은 호스팅 요금제의 보관 기간 동안)",
      contact: "https://vercel.com/legal/privacy-policy",
      refusal: REFUSE_BY_LEAVING,
    },
  };
}

/**
 * Whoever runs the SMTP server the notices leave through: as MAIL_PROVIDER_NAME names them, else the
 * server's host (never the URL: it carries the password). Which country either is in cannot be told
 * from a name or a host, so none is stated, as for a host other than Vercel.
 */
export function mailProcessor(smtpUrl: string, providerName: string | null): Processor {
  const name = providerName?.trim() || `이메일 발송 서버(${hostnameOf(smtpUrl) ?? "설정된 SMTP 서버"})`;
  return {
    id: "mail",
    name,
    task: "이메일 발송(자동결제 알림: 정기 충전 결제 예정, 결제 거절, 자동결제 중지 안내)",
    country: null,
    abroad: null,
  };
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * Sentry's region from its DSN's host: *.de.sentry.io is Sentry's EU region (Germany), any other
 * sentry.io host its US region; another host is a Sentry server run elsewhere, whose country this
 * cannot tell.
 */
export function sentryCountry(dsn: string): string | null {
  const host = hostOf(dsn)?.toLowerCase().replace(/:\d+$/, "");
  if (!host) return null;
  if (host === "de.sentry.io" || host.endsWith(".de.sentry.io")) return "독일";
  if (host === "sentry.io" || host.endsWith(".sentry.io")) return "미국";
  return null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

export function sentryProcessor(dsn: string): Processor {
  const country = sentryCountry(dsn);
  const task = "서비스 오류의 기록과 분석";
  if (!country) {
    // A self-hosted Sentry: whoever runs that server processes the reports; say where they go.
    return { id: "sentry", name: `Sentry 오류 보고 서버(${hostOf(dsn) ?? "설정된 서버"})`, task, country: null, abroad: null };
  }
  return {
    id: "sentry",
    name: "Functional Software, Inc. (Sentry)",
    task,
    country,
    abroad: {
      country,
      items: "서버 오류가 났을 때의 오류 내용, 요청 주소, 주문번호 등 기술 정보(이메일, 이름, 카드·계좌번호, 비밀번호 등은 보내기 전에 지웁니다)",
      how: "서버에서 오류가 날 때 네트워크로 전송",
      purpose: "서비스 오류의 탐지와 수정",
      retention: "Sentry 요금제의 보관 기간(통상 90일) 동안",
      contact: "https://sentry.io/privacy/",
      refusal: REFUSE_BY_LEAVING,
    },
  };
}

export const KAKAO: Processor = {
  id: "kakao",
  name: "주식회사 카카오",
  task: "카카오 계정을 이용한 회원가입과 로그인(본인 확인)",
  country: "대한민국",
  abroad: null,
};

export const GOOGLE: Processor = {
  id: "google",
  name: "Google LLC",
  task: "Google 계정을 이용한 회원가입과 로그인(본인 확인)",
  country: "미국",
  abroad: {
    country: "미국",
    items: "Google 계정 식별자, 이메일 주소, 이름, 프로필 사진(Google 로그인을 쓰는 회원만)",
    how: "Google 계정으로 로그인할 때 네트워크로 주고받음",
    purpose: "Google 계정을 이용한 회원가입과 로그인",
    retention: "로그인을 처리하는 동안(회사가 받은 정보는 회원 탈퇴 시까지 보관)",
    contact: "https://policies.google.com/privacy",
    refusal: "Google 로그인 대신 이메일로 가입해 이용하실 수 있습니다.",
  },
};

/** The processors of this configuration, in the order the policy lists them. */
export function entrustedProcessors(config: ProcessorConfig): Processor[] {
  return [
    TOSS_PAYMENTS,
    hostingProcessor(config.hostingProvider),
    ...(config.mail ? [mailProcessor(config.mail.smtpUrl, config.mail.providerName)] : []),
    ...(config.sentryDsn ? [sentryProcessor(config.sentryDsn)] : []),
    ...(config.kakao ? [KAKAO] : []),
    ...(config.google ? [GOOGLE] : []),
  ];
}

/** The transfers abroad among them (국외 이전). */
export function transfersAbroad(processors: readonly Processor[]): (Processor & { abroad: TransferAbroad })[] {
  return processors.filter((p): p is Processor & { abroad: TransferAbroad } => p.abroad !== null);
}
