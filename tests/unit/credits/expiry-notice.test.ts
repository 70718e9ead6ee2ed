import { describe, expect, it } from "vitest";
import { EXPIRY_SOON_DAYS, expiryNotice, lastUsableSeoulDay, seoulDaysBetween, usableUntilText } from "@/lib/credits/expiry-notice";

const at = (iso: string) => new Date(iso);

describe("what expires next, in Seoul days", () => {
  it.each([
    // now, expiresAt, credits, text, days
    ["2026-12-04T10:00:00+09:00", "2026-12-11T10:00:00+09:00", 2, "7일 후(12월 11일) 2크레딧 만료", 7],
    ["2026-12-04T10:00:00+09:00", "2026-12-04T23:30:00+09:00", 2, "오늘 23:30에 2크레딧 만료", 0],
    ["2026-12-04T10:00:00+09:00", "2026-12-05T09:00:00+09:00", 1, "내일(12월 5일) 1크레딧 만료", 1],
    ["2026-12-04T10:00:00+09:00", "2026-12-06T00:30:00+09:00", 3, "2일 후(12월 6일) 3크레딧 만료", 2],
    // the year is named when it is not this one
    ["2026-12-28T10:00:00+09:00", "2027-01-04T10:00:00+09:00", 5, "7일 후(2027년 1월 4일) 5크레딧 만료", 7],
    // a year or more away: the date alone
    ["2026-12-04T10:00:00+09:00", "2031-12-04T10:00:00+09:00", 8, "2031년 12월 4일 8크레딧 만료", 1826],
    ["2026-12-04T10:00:00+09:00", "2027-12-03T10:00:00+09:00", 3, "364일 후(2027년 12월 3일) 3크레딧 만료", 364],
    ["2026-12-04T10:00:00+09:00", "2027-12-04T10:00:00+09:00", 3, "2027년 12월 4일 3크레딧 만료", 365],
    ["2026-12-04T10:00:00+09:00", "2027-01-04T10:00:00+09:00", 1200, "31일 후(2027년 1월 4일) 1,200크레딧 만료", 31],
  ])("at %s, %s (%i credits): %s", (now, expiresAt, credits, text, days) => {
    const notice = expiryNotice({ credits, expiresAt }, at(now));
    expect(notice.text).toBe(text);
    expect(`${notice.when} ${notice.what}`).toBe(text);
    expect(notice.days).toBe(days);
  });

  it("counts Seoul calendar days, not 24-hour spans nor UTC days", () => {
    // 23:50 KST on the 4th to 00:10 KST on the 5th: 20 minutes, but tomorrow
    expect(expiryNotice({ credits: 1, expiresAt: "2026-12-04T15:10:00Z" }, at("2026-12-04T14:50:00Z")).when).toBe("내일(12월 5일)");
    // 00:10 to 23:50 KST the same day: almost 24 hours, still today (and both instants on different UTC days)
    expect(expiryNotice({ credits: 1, expiresAt: "2026-12-04T14:50:00Z" }, at("2026-12-03T15:10:00Z")).when).toBe("오늘 23:50에");
    expect(seoulDaysBetween(at("2026-12-03T15:00:00Z"), at("2026-12-03T14:59:59Z"))).toBe(-1);
  });

  it("credits that expire at 00:00 KST (a bonus valid through a day) belong to the day before", () => {
    const now = at("2026-12-04T10:00:00+09:00");
    // valid through 12월 11일: expires at the start of the 12th
    expect(expiryNotice({ credits: 2, expiresAt: "2026-12-12T00:00:00+09:00" }, now).text).toBe("7일 후(12월 11일) 2크레딧 만료");
    expect(expiryNotice({ credits: 2, expiresAt: "2026-12-05T00:00:00+09:00" }, now).text).toBe("오늘 자정에 2크레딧 만료");
    expect(expiryNotice({ credits: 2, expiresAt: "2026-12-06T00:00:00+09:00" }, now).text).toBe("내일(12월 5일) 2크레딧 만료");
    // a minute later it is the next day's
    expect(expiryNotice({ credits: 2, expiresAt: "2026-12-05T00:01:00+09:00" }, now).text).toBe("내일(12월 5일) 2크레딧 만료");
    expect(lastUsableSeoulDay(at("2026-12-12T00:00:00+09:00"))).toBe("2026-12-11");
    expect(lastUsableSeoulDay(at("2026-12-12T00:00:00.001+09:00"))).toBe("2026-12-12");
  });

  it.each([
    ["2031-12-04T10:17:00.000Z", "2031년 12월 4일 19:17"],
    ["2026-12-11T15:00:00.000Z", "2026년 12월 11일"], // 00:00 KST on the 12th: all of the 11th
    ["2026-12-11T15:00:30.000Z", "2026년 12월 12일 00:00"],
    ["2027-01-01T02:05:00.000Z", "2027년 1월 1일 11:05"],
  ])("usable until %s: %s (Seoul time)", (iso, text) => {
    expect(usableUntilText(iso)).toBe(text);
  });

  it("shows the time of day in Seoul when it is today", () => {
    expect(expiryNotice({ credits: 2, expiresAt: "2026-12-04T00:05:00Z" }, at("2026-12-04T00:00:00Z")).when).toBe("오늘 09:05에");
  });

  it("a lot that lapsed a moment ago reads as today, never as days ago", () => {
    const notice = expiryNotice({ credits: 2, expiresAt: "2026-12-04T01:00:00Z" }, at("2026-12-04T01:00:01Z"));
    expect(notice.days).toBe(0);
    expect(notice.when).toBe("오늘 10:00에");
  });

  it(`is a warning within ${EXPIRY_SOON_DAYS} days`, () => {
    const now = at("2026-12-04T10:00:00+09:00");
    expect(expiryNotice({ credits: 1, expiresAt: "2027-01-03T10:00:00+09:00" }, now)).toMatchObject({ days: 30, soon: true });
    expect(expiryNotice({ credits: 1, expiresAt: "2027-01-04T10:00:00+09:00" }, now)).toMatchObject({ days: 31, soon: false });
    expect(expiryNotice({ credits: 1, expiresAt: "2026-12-04T11:00:00+09:00" }, now).soon).toBe(true);
  });

  it("refuses what is not an instant", () => {
    expect(() => expiryNotice({ credits: 1, expiresAt: "soon" }, at("2026-12-04T10:00:00Z"))).toThrow(/not an instant/);
  });
});
