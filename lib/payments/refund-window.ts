// The buyer's own refund window (청약철회, 전자상거래법 §17): an unused pack may be refunded by the buyer
// until the end of the REFUND_WINDOW_DAYS-th day after the day of payment, in Seoul time. Paid on
// 12월 4일 at any hour, with 7 days: refundable until 12월 11일 23:59:59 KST, not from 12월 12일 00:00.
// The order page, the refund API and the server action read this one function; operators are not bound
// by it (lib/admin/refund-as-operator.ts), as the refund policy says.
import { kstDay, kstDayStart } from "@/lib/kst";

const DAY_MS = 24 * 60 * 60_000;

/** The first instant at which the buyer can no longer refund an order paid at `paidAt`. */
export function refundWindowEnd(paidAt: Date, windowDays: number): Date {
  return new Date(kstDayStart(kstDay(paidAt))!.getTime() + (windowDays + 1) * DAY_MS);
}

/** Whether `now` is still inside the buyer's window. */
export function withinRefundWindow(paidAt: Date, now: Date, windowDays: number): boolean {
  return now.getTime() < refundWindowEnd(paidAt, windowDays).getTime();
}
