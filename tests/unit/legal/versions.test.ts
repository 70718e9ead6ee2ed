import { describe, expect, it } from "vitest";
import { PRIVACY_VERSIONS, REFUND_POLICY_VERSIONS, TERMS_VERSIONS, type DocumentVersion } from "@/lib/legal/documents";
import { koreanDate, versionHistory } from "@/lib/legal/versions";

const v = (day: string, summary = "개정"): DocumentVersion => ({ version: day, effectiveFrom: day, summary });

describe("document versions as the pages show them", () => {
  it.each([
    ["2026-12-04", "2026년 12월 4일"],
    ["2027-01-10", "2027년 1월 10일"],
    ["2030-11-30", "2030년 11월 30일"],
  ])("%s → %s", (day, written) => {
    expect(koreanDate(day)).toBe(written);
  });

  it("refuses what is not a day", () => {
    expect(() => koreanDate("2026-12-4")).toThrow(/YYYY-MM-DD/);
    expect(() => koreanDate("")).toThrow();
  });

  it("the first version is current, the rest are earlier, newest first", () => {
    const history = versionHistory([v("2027-03-01", "환불 기간 변경"), v("2027-01-10"), v("2026-12-04", "최초 제정")]);
    expect(history.current.version).toBe("2027-03-01");
    expect(history.earlier.map((e) => e.version)).toEqual(["2027-01-10", "2026-12-04"]);
  });

  it("a document never revised has no earlier version", () => {
    expect(versionHistory([v("2026-12-04", "최초 제정")]).earlier).toEqual([]);
  });

  it("refuses an empty list and a list out of order (an older text would show as current)", () => {
    expect(() => versionHistory([])).toThrow(/at least one/);
    expect(() => versionHistory([v("2026-12-04"), v("2027-01-10")])).toThrow(/does not take effect before/);
    expect(() => versionHistory([v("2027-01-10"), v("2027-01-10")])).toThrow(/does not take effect before/);
  });

  it("the privacy policy's 2026-12-05 version takes effect with the terms' of the same day (one re-consent asks for both)", () => {
    expect(PRIVACY_VERSIONS.map((v) => v.version)).toEqual(["2026-12-05", "2026-12-04"]);
    expect(PRIVACY_VERSIONS[0]).toMatchObject({ effectiveFrom: TERMS_VERSIONS[0]!.effectiveFrom });
    expect(TERMS_VERSIONS[0]!.summary).toContain("제7조의2");
    expect(PRIVACY_VERSIONS[0]!.summary).toContain("자동결제");
  });

  it("the shop's own documents are in order", () => {
    for (const versions of [TERMS_VERSIONS, PRIVACY_VERSIONS, REFUND_POLICY_VERSIONS]) {
      expect(() => versionHistory(versions)).not.toThrow();
    }
  });
});
