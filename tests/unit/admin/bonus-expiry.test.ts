// A bonus's last day, in Seoul: from tomorrow to five years ahead, spendable through that whole day.
import { describe, expect, it } from "vitest";
import { bonusExpiresAt, bonusExpiryBounds, bonusInputSchema } from "@/lib/admin/schemas";

const valid = { reason: "이벤트 당첨", requestId: "5b0c5d8e-2f5e-4b8a-9a51-1f0f3f4e6a7b", credits: 2, label: "가입 축하 보너스" };

describe("bonusExpiresAt", () => {
  it.each([
    ["2027-01-15", "2027-01-15T15:00:00.000Z"], // 2027-01-16 00:00 KST
    ["2027-12-31", "2027-12-31T15:00:00.000Z"],
    ["2028-02-29", "2028-02-29T15:00:00.000Z"],
  ])("%s ends at %s", (day, instant) => {
    expect(bonusExpiresAt(day).toISOString()).toBe(instant);
  });
});

describe("bonusExpiryBounds", () => {
  it.each([
    // now (UTC), min, max
    ["2026-12-04T03:00:00Z", "2026-12-05", "2031-12-04"], // 12:00 KST on Dec 4
    ["2026-12-04T15:00:00Z", "2026-12-06", "2031-12-05"], // 00:00 KST on Dec 5: Seoul's day, not UTC's
    ["2026-12-04T14:59:59Z", "2026-12-05", "2031-12-04"],
    ["2026-12-31T16:00:00Z", "2027-01-02", "2032-01-01"],
  ])("at %s: %s to %s", (now, min, max) => {
    expect(bonusExpiryBounds(new Date(now))).toEqual({ min, max });
  });
});

describe("bonusInputSchema", () => {
  const { min, max } = bonusExpiryBounds();
  it("accepts tomorrow and the last day five years ahead", () => {
    expect(bonusInputSchema.safeParse({ ...valid, expiresOn: min }).success).toBe(true);
    expect(bonusInputSchema.safeParse({ ...valid, expiresOn: max }).success).toBe(true);
  });

  it.each([
    ["today", { expiresOn: new Date(Date.parse(`${min}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) }, "expiresOn"],
    ["a day past five years", { expiresOn: new Date(Date.parse(`${max}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) }, "expiresOn"],
    ["a day that does not exist", { expiresOn: "2027-02-30" }, "expiresOn"],
    ["another format", { expiresOn: "20270115" }, "expiresOn"],
    ["no credits", { credits: 0 }, "credits"],
    ["too many credits", { credits: 10_001 }, "credits"],
    ["a fraction", { credits: 1.5 }, "credits"],
    ["an empty label", { label: "  " }, "label"],
    ["a label of 41 characters", { label: "가".repeat(41) }, "label"],
  ])("refuses %s", (_name, change, field) => {
    const parsed = bonusInputSchema.safeParse({ ...valid, expiresOn: min, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual([field]);
  });
});
