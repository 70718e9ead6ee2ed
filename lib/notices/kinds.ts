// What each kind of notice carries (Notice.data): the facts at the time of the event, so that the page and
// the e-mail word the same notice the same way whenever they are shown (render.ts).
import type { NoticeKind } from "@/lib/generated/prisma/enums";

export interface PlanUpcomingData {
  packName: string;
  credits: number;
  price: number;
  /** the charge's due instant (ISO): 00:00 KST of the charge day */
  chargeAt: string;
  cardCompany: string | null;
  cardNumber: string | null;
  /** the plan's start (ms), which the one-click cancel link names: a restarted plan needs a new link */
  agreedAtMs: number;
}

export interface DeclinedData {
  packName: string;
  price: number;
  /** Toss's code and its message (or ours: no card, pack withdrawn) */
  code: string;
  reason: string;
}

export interface StoppedData {
  /** which automatic purchase the operator stopped */
  target: "PLAN" | "TOP_UP";
  packName: string;
}

export interface NoticeDataOf {
  PLAN_UPCOMING: PlanUpcomingData;
  PLAN_DECLINED: DeclinedData;
  TOP_UP_DECLINED: DeclinedData;
  AUTO_CHARGE_STOPPED: StoppedData;
}

export type NoticeRecord = { [K in NoticeKind]: { id: string; kind: K; data: NoticeDataOf[K]; createdAt: Date; userId: string } }[NoticeKind];
