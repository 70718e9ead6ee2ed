// What the shop processes, why and for how long, as the code does it (prisma/schema.prisma, lib/auth,
// lib/payments, lib/credits, lib/billing, lib/notices, lib/rate-limit, lib/observability): the privacy
// policy's tables (개인정보 보호법 §30 ①). Rows that depend on configuration (Kakao, Google, Sentry,
// automatic purchases and their e-mail) appear only when configured. Pure.
import { automaticPurchaseNames } from "./automatic-purchases-text";

export interface PrivacyConfig {
  kakao: boolean;
  google: boolean;
  /** error reports leave for Sentry (SENTRY_DSN set) */
  sentry: boolean;
  /**
   * Automatic purchases (a saved card: BillingCard, CreditPlan, AutoTopUp, BillingConsent, Notice); null
   * when billing is not available. `topUp`: AUTO_TOP_UP_ENABLED; `emailNotices`: SMTP_URL set.
   */
  billing: { topUp: boolean; emailNotices: boolean } | null;
}

/** What a saved card, its plan or top-up, their agreements and their notices keep (prisma/schema.prisma). */
function automaticPurchaseItems(billing: NonNullable<PrivacyConfig["billing"]>): CollectedItems {
  return {
    occasion: `자동결제(${automaticPurchaseNames(billing)}) 이용`,
    items: [
      "등록한 카드: 카드사, 가려진 카드번호(일부 숫자만 보이는 번호), 카드 종류(신용·체크 등), 토스페이먼츠가 발급한 빌링키와 고객 식별키. 빌링키는 카드번호가 아니라 등록한 카드로 결제를 요청할 때 쓰는 값이며, 카드번호 등 카드 정보는 토스페이먼츠의 카드 등록 화면에 직접 입력되어 회사는 받지 않습니다",
      "정기 충전 설정: 고른 크레딧 팩, 결제일, 다음 결제 예정일, 상태(사용 중·멈춤·중지·해지)와 중지된 사유",
      ...(billing.topUp ? ["자동충전 설정: 고른 크레딧 팩, 기준 크레딧, 상태와 꺼진 사유"] : []),
      "자동결제 동의 기록: 동의할 때 보여 드린 문구 전문(크레딧 팩, 금액, 결제일 또는 기준 크레딧 포함), 동의 문구의 버전, 동의 일시",
      `자동결제 알림(결제 예정, 결제 거절, 중지 안내): 알림의 종류와 내용(크레딧 팩, 금액, 결제 예정일, 카드사와 가려진 카드번호, 거절 사유), 만든 일시, 확인한 일시${billing.emailNotices ? ", 이메일 발송 여부와 발송 일시, 발송에 실패한 경우 메일 서버의 응답" : ""}`,
      "운영자가 자동결제를 중지한 경우: 중지한 일시와 사유",
      "자동결제로 이루어진 결제: 위 ‘크레딧 팩 구매(결제)’의 정보와 결제에 쓴 등록 카드",
    ],
    how: `카드 정보(카드사, 가려진 카드번호, 카드 종류, 빌링키)는 카드를 등록할 때 토스페이먼츠로부터 받고, 설정과 동의 기록은 회원이 ${billing.topUp ? "정기 충전이나 자동충전" : "정기 충전"}을 시작하거나 바꿀 때, 알림과 결제 기록은 서비스 이용 과정에서 생성`,
  };
}

export interface CollectedItems {
  /** when and why: 회원가입, 결제, … */
  occasion: string;
  items: string[];
  /** 수집 방법 */
  how: string;
}

export function collectedItems(config: PrivacyConfig): CollectedItems[] {
  const social = [config.kakao && "카카오", config.google && "Google"].filter(Boolean).join("·");
  return [
    {
      occasion: "이메일로 회원가입·로그인",
      items: ["(필수) 이메일 주소, 비밀번호(원래 값으로 되돌릴 수 없는 해시로만 저장하며 비밀번호 자체는 저장하지 않습니다)"],
      how: "회원가입·로그인 화면에 회원이 직접 입력",
    },
    ...(social
      ? [
          {
            occasion: `${social} 계정으로 회원가입·로그인`,
            items: [
              "(필수) 해당 서비스의 계정 식별자, 로그인 처리를 위해 해당 서비스가 발급한 인증 정보(토큰)",
              "(해당 서비스에서 제공에 동의한 경우) 이메일 주소, 이름(닉네임), 프로필 사진 주소",
            ],
            how: `${social}에서 회원이 동의한 범위에서 제공받음`,
          },
        ]
      : []),
    {
      occasion: "크레딧 팩 구매(결제)",
      items: [
        "주문번호, 상품명, 결제 금액, 지급 크레딧 수, 주문·결제 상태, 결제수단 종류",
        "토스페이먼츠의 결제 키, 승인·취소 일시, 영수증 주소 등 결제 승인·취소 정보",
        "가상계좌 결제: 발급된 가상계좌의 은행, 계좌번호, 입금 기한",
        "결제 처리 과정의 기록(요청과 응답, 상태 변경). 카드번호 등 결제수단 정보는 토스페이먼츠 결제창에 직접 입력되며 회사는 받지 않습니다",
        "결제를 위해 토스페이먼츠에 전달하는 정보: 주문번호, 상품명, 결제 금액, 이메일 주소, 이름(있는 경우), 회원마다 무작위로 만든 고객 식별키",
      ],
      how: "결제 과정에서 생성되거나 토스페이먼츠로부터 받음",
    },
    ...(config.billing ? [automaticPurchaseItems(config.billing)] : []),
    {
      occasion: "가상계좌 결제의 환불",
      items: ["환불받을 은행, 계좌번호, 예금주(토스페이먼츠에 전달하며 회사는 저장하지 않습니다)"],
      how: "주문 상세 화면에 회원이 직접 입력",
    },
    {
      occasion: "크레딧 이용",
      items: ["크레딧 지급·사용·회수 내역(사용할 때 입력한 주제의 앞 40자 포함), 크레딧 잔액"],
      how: "서비스 이용 과정에서 생성",
    },
    {
      occasion: "서비스 이용 중 자동 생성",
      items: [
        "접속 기록: IP 주소, 접속 일시, 요청 주소, 브라우저 정보(호스팅 서버의 기록)",
        "로그인 상태를 유지하는 쿠키",
        "로그인·회원가입·주문 시도 횟수(이메일 주소, IP 주소, 회원 식별자는 원래 값으로 되돌릴 수 없게 변환해 저장)",
      ],
      how: "서비스 이용 과정에서 자동으로 생성",
    },
    ...(config.sentry
      ? [
          {
            occasion: "서비스 오류 발생 시",
            items: ["오류 내용, 요청 주소, 주문번호 등 기술 정보(이메일, 이름, 카드·계좌번호, 비밀번호 등은 지운 뒤 보냅니다)"],
            how: "오류가 날 때 자동으로 생성",
          },
        ]
      : []),
  ];
}

export interface Retention {
  what: string;
  period: string;
  basis: string;
}

/** What is kept after its purpose ends, and for how long (전자상거래법 §6 and 시행령 §6, 통신비밀보호법 §15-2 and 시행령 §41). */
export function retentionPeriods(config: PrivacyConfig): Retention[] {
  return [
    { what: "회원 정보(이메일, 이름, 로그인 계정 정보)", period: "회원 탈퇴 시까지", basis: "회원 관리" },
    {
      what: config.billing
        ? `계약 또는 청약철회 등에 관한 기록(자동결제 동의 기록, ${automaticPurchaseNames(config.billing)} 설정과 알림 기록)`
        : "계약 또는 청약철회 등에 관한 기록",
      period: "5년",
      basis: "전자상거래 등에서의 소비자보호에 관한 법률",
    },
    { what: "대금결제 및 재화 등의 공급에 관한 기록(주문, 결제, 크레딧 지급·회수 기록)", period: "5년", basis: "전자상거래 등에서의 소비자보호에 관한 법률" },
    ...(config.billing
      ? [
          {
            what: "자동결제에 등록한 카드 정보(카드사, 가려진 카드번호, 카드 종류, 빌링키)",
            period: "카드를 삭제할 때까지 자동결제에 쓰고, 삭제한 뒤에는 다시 결제하는 데 쓰지 않으며 그 카드로 결제한 주문의 기록과 함께 5년",
            basis: "자동결제, 전자상거래 등에서의 소비자보호에 관한 법률",
          },
        ]
      : []),
    { what: "소비자의 불만 또는 분쟁처리에 관한 기록", period: "3년", basis: "전자상거래 등에서의 소비자보호에 관한 법률" },
    { what: "접속 기록(IP 주소, 접속 일시, 요청 주소)", period: "3개월", basis: "통신비밀보호법" },
    { what: "로그인·회원가입·주문 시도 횟수", period: "제한 시간(최대 1시간)이 끝난 뒤 하루 안에 삭제", basis: "무차별 대입 등 부정 이용 방지" },
    ...(config.sentry ? [{ what: "오류 보고", period: "Sentry 요금제의 보관 기간(통상 90일)", basis: "서비스 오류의 탐지와 수정" }] : []),
  ];
}
