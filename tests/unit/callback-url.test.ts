import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/checkout?product=PRO_PACK", "/checkout?product=PRO_PACK"],
    ["/pricing", "/pricing"],
    ["/orders/ord_abc#receipt", "/orders/ord_abc#receipt"],
    ["/", "/"],
    [["/pricing", "/other"], "/pricing"],
  ])("keeps the same-origin path %j", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/phish",
    "http:/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " /pricing",
    "javascript:alert(1)",
    "pricing",
    "",
    undefined,
    null,
    42,
    [],
  ])("answers / for %j", (input) => {
    expect(safeCallbackUrl(input)).toBe("/");
  });
});
