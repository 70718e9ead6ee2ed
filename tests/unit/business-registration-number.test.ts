import { describe, expect, it } from "vitest";
import { businessInfoUrl, formatRegistrationNumber, hasValidCheckDigit, registrationDigits } from "@/lib/business/registration-number";

describe("사업자등록번호", () => {
  it.each([
    ["124-81-00998", true], // published on a large company's site
    ["220-81-62517", true], // likewise
    ["123-45-67891", true], // the number forms use as an example
    ["124-81-00999", false],
    ["220-81-62510", false],
    ["000-00-00001", false],
  ])("%s: check digit holds = %s", (number, valid) => {
    expect(hasValidCheckDigit(registrationDigits(number)!)).toBe(valid);
  });

  it("reads ten digits written with dashes or spaces, and nothing else", () => {
    expect(registrationDigits(" 220 81 62517 ")).toBe("2208162517");
    expect(registrationDigits("220-81-6251")).toBeNull();
    expect(registrationDigits("22O-81-62517")).toBeNull();
    expect(hasValidCheckDigit("22081625")).toBe(false);
  });

  it("prints it and links the Fair Trade Commission's page for it", () => {
    expect(formatRegistrationNumber("2208162517")).toBe("220-81-62517");
    expect(businessInfoUrl("2208162517")).toBe("https://www.ftc.go.kr/bizCommPop.do?wrkr_no=2208162517");
  });
});
