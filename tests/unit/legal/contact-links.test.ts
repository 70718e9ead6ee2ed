import { describe, expect, it } from "vitest";
import { contactHref, mailtoHref, telHref } from "@/lib/legal/contact-links";

describe("contact links", () => {
  it.each([
    ["02-000-0000", "tel:020000000"],
    ["1588-1234", "tel:15881234"],
    ["010 1234 5678", "tel:01012345678"],
  ])("phone %s → %s", (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });

  it("an e-mail address opens the mail app", () => {
    expect(mailtoHref(" help@example.com ")).toBe("mailto:help@example.com");
  });

  it("the privacy officer's contact may be either", () => {
    expect(contactHref("privacy@example.com")).toBe("mailto:privacy@example.com");
    expect(contactHref("02-123-4567")).toBe("tel:021234567");
  });
});
