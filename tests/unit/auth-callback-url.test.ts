import { describe, expect, it } from "vitest";
import { isAcceptableCallbackUrl } from "@/lib/auth/check-auth-request";

const BASE = "https://shop.example.com";

describe("isAcceptableCallbackUrl (what next-auth can put in a redirect)", () => {
  it.each([
    ["/pricing", true],
    ["/checkout?product=PRO_PACK&orderId=ord_1", true],
    ["/%EC%A3%BC%EB%AC%B8", true],
    ["https://shop.example.com/orders", true],
    ["http://localhost:3000/", true],
    ["https://elsewhere.example/", true], // next-auth's redirect callback then sends it home instead
    ["", false],
    ["/주문", false],
    ["/a b", false],
    ["/\u0000", false],
    ["/\r\nSet-Cookie:x=1", false],
    ["http://[", false],
    ["javascript:alert(1)", false],
    ["ftp://example.com/", false],
    ["pricing", false],
    [`/${"a".repeat(3000)}`, false],
  ])("%j → %s", (value, acceptable) => {
    expect(isAcceptableCallbackUrl(value, BASE)).toBe(acceptable);
  });
});
