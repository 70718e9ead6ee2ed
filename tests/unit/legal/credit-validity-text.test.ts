import { describe, expect, it } from "vitest";
import { creditValidityText } from "@/lib/legal/credit-validity-text";

describe("the validity of paid credits in words", () => {
  it.each([
    [60, "5년"],
    [12, "1년"],
    [24, "2년"],
    [18, "18개월"],
    [6, "6개월"],
    [1, "1개월"],
  ])("%i months → %s", (months, text) => {
    expect(creditValidityText(months)).toBe(text);
  });

  it("refuses what is not a whole number of months", () => {
    expect(() => creditValidityText(0)).toThrow(/whole number/);
    expect(() => creditValidityText(1.5)).toThrow(/whole number/);
  });
});
