// Words a notice (kinds.ts) for the account page and the e-mail alike: a title, its sentences, and the
// action it offers (a path in the app). Pure: the same notice reads the same wherever it is shown.
import { planCancelPath } from "@/lib/billing/cancel-link";
import type { NoticeRecord } from "./kinds";

export interface RenderedNotice {
  title: string;
  lines: string[];
  action: { label: string; path: string } | null;
}

const won = (amount: number) => `${amount.toLocaleString("ko-KR")}원`;
const WEEKDAYS = ["일", "월", "화", "수", "목", "금", "토"];

/** "12월 7일(월)" in Seoul time. */
export function koreanDay(iso: string): string {
  const seoul = new Date(new Date(iso).getTime() + 9 * 60 * 60_000);
  return `${seoul.getUTCMonth() + 1}월 ${seoul.getUTCDate()}일(${WEEKDAYS[seoul.getUTCDay()]})`;
}

export function renderNotice(notice: NoticeRecord): RenderedNotice {
  switch (notice.kind) {
    case "PLAN_UPCOMING": {
      const d = notice.data;
      const card = [d.cardCompany, d.cardNumber].filter(Boolean).join(" ") || "등록하신 카드";
      return {
        title: "정기 충전 결제 예정 안내",
        lines: [
          `${koreanDay(d.chargeAt)}에 ${card}로 ${d.packName}(${d.credits}크레딧) ${won(d.price)}이 자동으로 결제될 예정이에요.`,
          "결제를 원하지 않으시면 결제일 전에 정기 충전을 해지해 주세요. 해지하면 이후 결제되지 않아요.",
        ],
        action: { label: "정기 충전 해지하기", path: planCancelPath(notice.userId, d.agreedAtMs) },
      };
    }
    case "PLAN_DECLINED":
      return {
        title: "정기 충전 결제가 거절되었어요",
        lines: [
          `${notice.data.packName}(${won(notice.data.price)}) 정기 충전 결제가 이루어지지 않아 정기 충전을 멈췄어요.`,
          `사유: ${notice.data.reason}`,
          "크레딧은 지급되지 않았고, 거절된 결제는 다시 시도하지 않아요. 카드를 확인한 뒤 내 크레딧 화면에서 정기 충전을 다시 시작할 수 있어요.",
        ],
        action: { label: "내 크레딧에서 확인하기", path: "/account#auto-charge-title" },
      };
    case "TOP_UP_DECLINED":
      return {
        title: "자동충전 결제가 거절되었어요",
        lines: [
          `${notice.data.packName}(${won(notice.data.price)}) 자동충전 결제가 이루어지지 않아 자동충전을 껐어요.`,
          `사유: ${notice.data.reason}`,
          "크레딧은 지급되지 않았고, 거절된 결제는 다시 시도하지 않아요. 카드를 확인한 뒤 내 크레딧 화면에서 자동충전을 다시 켤 수 있어요.",
        ],
        action: { label: "내 크레딧에서 확인하기", path: "/account#auto-charge-title" },
      };
    case "AUTO_CHARGE_STOPPED": {
      const what = notice.data.target === "PLAN" ? "정기 충전" : "자동충전";
      return {
        title: `${what}이 중지되었어요`,
        lines: [
          `운영자가 ${notice.data.packName} ${what}을 중지했어요. 이후에는 자동으로 결제되지 않아요.`,
          "이미 결제된 크레딧은 그대로 남아요. 궁금한 점은 고객센터로 문의해 주세요.",
        ],
        action: { label: "내 크레딧에서 확인하기", path: "/account#auto-charge-title" },
      };
    }
  }
}
