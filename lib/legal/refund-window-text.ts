// The buyer's refund window (청약철회) in words, computed by the rule the refund button, API and action
// enforce (lib/payments/refund-window.ts), so that the terms and the refund policy can never state
// another window than the code's. Pure.
import { kstDay } from "@/lib/kst";
import { refundWindowEnd } from "@/lib/payments/refund-window";

/** The payment the pages' example starts from: late in the evening, to show that the day of payment is not counted. */
export const EXAMPLE_PAID_AT = new Date("2026-12-04T23:30:00+09:00");

/** "2026-12-11" → "12월 11일" */
export function monthDay(day: string): string {
  const [, month, date] = day.split("-").map(Number);
  return `${month}월 ${date}일`;
}

export interface RefundWindowExample {
  /** the Seoul day of the payment: "12월 4일" */
  paidOn: string;
  /** the last Seoul day on which the buyer can still refund: "12월 11일" (until 23:59 that day) */
  lastDay: string;
}

/** For a payment at `paidAt`, the day paid and the last day of the buyer's window of `windowDays` days. */
export function refundWindowExample(windowDays: number, paidAt: Date = EXAMPLE_PAID_AT): RefundWindowExample {
  const lastInstant = new Date(refundWindowEnd(paidAt, windowDays).getTime() - 1);
  return { paidOn: monthDay(kstDay(paidAt)), lastDay: monthDay(kstDay(lastInstant)) };
}
