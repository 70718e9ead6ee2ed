import { describe, expect, it } from "vitest";
import { CUSTOMER_KEY_PATTERN, newCustomerKey, newOrderId, ORDER_ID_PATTERN } from "@/lib/ids";

describe("ids", () => {
  it("makes orderIds Toss accepts, never the same twice", () => {
    const ids = Array.from({ length: 1000 }, newOrderId);
    for (const id of ids) expect(id).toMatch(ORDER_ID_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("makes customerKeys Toss accepts", () => {
    for (let i = 0; i < 100; i++) expect(newCustomerKey()).toMatch(CUSTOMER_KEY_PATTERN);
  });

  it.each([
    ["abcde", false],
    ["abcdef", true],
    ["a".repeat(64), true],
    ["a".repeat(65), false],
    ["ord_abc=-_", true],
    ["ord abc", false],
    ["ord.abc", false],
    ["주문번호123", false],
  ])("ORDER_ID_PATTERN %s → %s", (id, ok) => {
    expect(ORDER_ID_PATTERN.test(id)).toBe(ok);
  });
});
