import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/admin/export-orders-csv";
import { kstDay, kstDayStart, kstPeriods, kstTimestamp } from "@/lib/kst";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["크레딧 팩", "크레딧 팩"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+82", "'+82"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    [3000, "3000"],
    [-2, "-2"],
    [null, ""],
  ] as const)("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe("Seoul days", () => {
  it("starts a day at 15:00 UTC the day before, and refuses days that do not exist", () => {
    expect(kstDayStart("2026-11-22")?.toISOString()).toBe("2026-11-21T15:00:00.000Z");
    expect(kstDayStart("2026-02-30")).toBeNull();
    expect(kstDay(new Date("2026-11-21T15:00:00Z"))).toBe("2026-11-22");
    expect(kstDay(new Date("2026-11-21T14:59:59Z"))).toBe("2026-11-21");
    expect(kstTimestamp(new Date("2026-11-21T15:30:05Z"))).toBe("2026-11-22 00:30:05");
    const p = kstPeriods(new Date("2026-11-30T16:00:00Z")); // 1 December, 01:00 in Seoul
    expect(p.todayStart.toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(p.monthStart.toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(p.tomorrowStart.toISOString()).toBe("2026-12-01T15:00:00.000Z");
  });
});
