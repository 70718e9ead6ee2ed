import { describe, expect, it } from "vitest";
import { refundBlocker } from "@/lib/payments/refund-order";
import { refundWindowEnd, withinRefundWindow } from "@/lib/payments/refund-window";

/** An instant written in Seoul time: "2026-12-04 10:00" → that instant. */
const kst = (text: string) => new Date(`${text.replace(" ", "T")}:00+09:00`);

describe("the buyer's refund window (Seoul days)", () => {
  it.each([
    // paid                 now                      days  refundable
    ["2026-12-04 10:00", "2026-12-04 10:01", 7, true],
    ["2026-12-04 10:00", "2026-12-11 23:59", 7, true], // day 7, 23:59 KST
    ["2026-12-04 10:00", "2026-12-12 00:00", 7, false], // day 8
    ["2026-12-04 00:00", "2026-12-11 23:59", 7, true], // paid at the first minute of the day
    ["2026-12-04 23:59", "2026-12-12 00:00", 7, false], // paid at the last minute: still day 8 is out
    ["2026-12-03 23:59", "2026-12-11 00:00", 7, false], // the day before counts as its own day
    ["2026-12-28 15:00", "2027-01-04 23:59", 7, true], // across a year
    ["2026-12-04 10:00", "2026-12-18 23:59", 14, true],
    ["2026-12-04 10:00", "2026-12-19 00:00", 14, false],
  ])("paid %s, asked %s, %i days: %s", (paid, now, days, refundable) => {
    expect(withinRefundWindow(kst(paid), kst(now), days)).toBe(refundable);
  });

  it("ends at midnight in Seoul, whatever the hour of payment in UTC", () => {
    // 2026-12-04 01:00 UTC = 10:00 KST, and 2026-12-04 16:00 UTC = 12-05 01:00 KST: different Seoul days.
    expect(refundWindowEnd(new Date("2026-12-04T01:00:00Z"), 7).toISOString()).toBe("2026-12-11T15:00:00.000Z");
    expect(refundWindowEnd(new Date("2026-12-04T16:00:00Z"), 7).toISOString()).toBe("2026-12-12T15:00:00.000Z");
  });
});

describe("refundBlocker", () => {
  const paid = { status: "PAID", credits: 3, method: "카드", approvedAt: kst("2026-12-04 10:00") };
  it.each([
    ["a paid pack whose lot is untouched, within the window", paid, 3, "2026-12-11 23:59", null],
    ["a pack on day 8", paid, 3, "2026-12-12 00:00", /결제 후 7일이 지나 직접 환불할 수 없어요/],
    ["a pack one of whose credits was spent (or held)", paid, 2, "2026-12-05 09:00", /이미 사용해서/],
    ["a paid pack without a lot", paid, null, "2026-12-05 09:00", /이미 사용해서/],
    ["an order that is not paid", { ...paid, status: "CANCELED" }, 3, "2026-12-05 09:00", /결제 완료된 주문만/],
    ["an approval time as the page has it (ISO text)", { ...paid, approvedAt: paid.approvedAt.toISOString() }, 3, "2026-12-12 00:00", /7일이 지나/],
  ])("%s", (_, order, remaining, now, expected) => {
    const blocker = refundBlocker(order, remaining === null ? null : { amount: 3, remaining }, kst(now), 7);
    if (expected === null) expect(blocker).toBeNull();
    else expect(blocker).toMatch(expected);
  });
});
