import { describe, expect, it } from "vitest";
import { showsSiteFooter } from "@/components/layout/footer-visibility";

describe("where the site footer shows", () => {
  it.each([
    ["/", true],
    ["/pricing", true],
    ["/checkout", true],
    ["/orders/ord_123", true],
    ["/terms", true],
    ["/admin/orders", true],
    ["/sandbox/toss", true],
    ["/sandbox/toss/demo", true],
    ["/sandbox/toss/payments", true],
    // the sandbox's stand-ins for Toss's own pages
    ["/sandbox/toss/pay/clx123", false],
    ["/sandbox/toss/window-return", false],
    ["/sandbox/toss/receipt/tsbx_abc", false],
  ])("%s: %s", (path, shown) => {
    expect(showsSiteFooter(path)).toBe(shown);
  });
});
