import { describe, expect, it } from "vitest";
import { refundWindowEnd } from "@/lib/payments/refund-window";
import { EXAMPLE_PAID_AT, monthDay, refundWindowExample } from "@/lib/legal/refund-window-text";

describe("the refund window in words, from the rule the code enforces", () => {
  it.each([
    // paid at, window days, paid on, last day (until 23:59 KST)
    ["2026-12-04T23:30:00+09:00", 7, "12월 4일", "12월 11일"],
    ["2026-12-04T00:00:00+09:00", 7, "12월 4일", "12월 11일"],
    // 14:59 UTC on the 3rd is 23:59 KST: the Seoul day counts, not the UTC one
    ["2026-12-03T14:59:00Z", 7, "12월 3일", "12월 10일"],
    ["2026-12-03T15:00:00Z", 7, "12월 4일", "12월 11일"],
    ["2026-12-28T10:00:00+09:00", 7, "12월 28일", "1월 4일"],
    ["2027-02-25T10:00:00+09:00", 7, "2월 25일", "3월 4일"],
    ["2026-12-04T10:00:00+09:00", 14, "12월 4일", "12월 18일"],
  ])("paid %s, %i days: %s → %s", (paidAt, days, paidOn, lastDay) => {
    expect(refundWindowExample(days, new Date(paidAt))).toEqual({ paidOn, lastDay });
  });

  it("the last day is the day before the window closes (00:00 KST the day after)", () => {
    const end = refundWindowEnd(EXAMPLE_PAID_AT, 7);
    expect(end.toISOString()).toBe("2026-12-11T15:00:00.000Z"); // 2026-12-12 00:00 KST
    expect(refundWindowExample(7)).toEqual({ paidOn: "12월 4일", lastDay: "12월 11일" });
  });

  it("writes days as Korean month and day", () => {
    expect(monthDay("2027-01-04")).toBe("1월 4일");
  });
});
