// The billing agreement (자동결제 이용 동의) a buyer gives before the monthly plan's first charge: what is
// charged, when, by whom, and how to stop. Its version is stored on the plan with the time it was given;
// a change of this text is a new version.
export const BILLING_AGREEMENT_VERSION = "2026-12-05";

/** Days before each monthly charge that the buyer is told of it (lib/billing/plan-notices.ts). */
export const PLAN_NOTICE_DAYS = 3;

/** The agreement's sentences for one plan, in Korean, as the consent screen shows them. */
export function billingAgreementText(plan: {
  sellerName: string;
  packName: string;
  price: number;
  chargeDay: number;
  /** false when a plan charge was already paid this Seoul month (a change of plan): the next is next month's */
  firstNow?: boolean;
  /** whether the shop sends notices by e-mail too (SMTP_URL set) */
  emailNotices?: boolean;
}): string[] {
  const won = `${plan.price.toLocaleString("ko-KR")}원`;
  const first = plan.firstNow === false ? `이번 달 결제는 이미 끝나서 다음 달 ${plan.chargeDay}일부터 결제해요.` : "첫 결제는 지금 바로 이루어져요.";
  return [
    `${plan.sellerName}이(가) 등록한 카드로 매월 ${plan.chargeDay}일(한국 시간)에 ${plan.packName}(${won})을 자동으로 결제해요. ${first}`,
    "결제가 끝나면 팩의 크레딧이 바로 지급되고, 결제 내역은 주문 내역에서 볼 수 있어요.",
    `매월 결제일 ${PLAN_NOTICE_DAYS}일 전에 결제 예정 금액과 날짜를 내 크레딧 화면의 알림${plan.emailNotices ? "과 이메일(이메일 주소가 있으면)" : ""}로 알려 드리고, 알림의 해지 링크로 바로 해지할 수 있어요.`,
    "내 크레딧 화면에서 언제든 정기 충전을 멈추거나 해지하고 카드를 삭제할 수 있어요. 해지하면 다음 결제일부터 결제되지 않아요.",
    "카드 결제가 거절되면 정기 충전이 멈추고 그 이유를 알려 드려요. 거절된 결제는 다시 시도하지 않아요.",
  ];
}

/** The agreement's sentences for a threshold top-up (only where Toss approved it: AUTO_TOP_UP_ENABLED). */
export function topUpAgreementText(topUp: { sellerName: string; packName: string; price: number; thresholdCredits: number; dailyCap: number }): string[] {
  const won = `${topUp.price.toLocaleString("ko-KR")}원`;
  return [
    `크레딧을 쓰고 남은 잔액이 ${topUp.thresholdCredits}크레딧 아래로 내려가면 ${topUp.sellerName}이(가) 등록한 카드로 ${topUp.packName}(${won})을 자동으로 결제해요.`,
    `잔액이 한 번 내려갈 때마다 한 번만 결제하고, 하루에 최대 ${topUp.dailyCap}번까지만 결제해요.`,
    "내 크레딧 화면에서 언제든 자동충전을 끄고 카드를 삭제할 수 있어요.",
    "카드 결제가 거절되면 자동충전이 꺼지고 그 이유를 알려 드려요. 거절된 결제는 다시 시도하지 않아요.",
  ];
}
