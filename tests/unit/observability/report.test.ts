import { afterEach, describe, expect, it } from "vitest";
import { type ErrorReport, registerErrorReporter, reportError, tagError, tagsOf } from "@/lib/observability/report";

const REPORTER = Symbol.for("credit-checkout.error-reporter");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[REPORTER];
});

describe("reportError", () => {
  it("does nothing, and loads nothing, without a registered reporter", () => {
    expect(() => reportError(new Error("x"), "test")).not.toThrow();
  });

  it("hands the error to the reporter with its tags, from the error, its causes and the route's details", () => {
    const seen: [unknown, ErrorReport][] = [];
    registerErrorReporter((error, report) => seen.push([error, report]));
    const inner = tagError(new Error("db"), { tossTraceId: "trace-1f2e" });
    const outer = new Error("settle", { cause: inner });
    reportError(outer, "POST /api/payments/toss/confirm", { details: { orderId: "ord_abc", email: "a@b.kr" } });
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBe(outer);
    expect(seen[0]![1]).toEqual({
      context: "POST /api/payments/toss/confirm",
      level: "error",
      tags: { orderId: "ord_abc", tossTraceId: "trace-1f2e" },
    });
  });

  it("keeps only id-shaped tag values: no free text, no e-mail", () => {
    const error = tagError(new Error("x"), { orderId: "buyer@example.com", tossTraceId: "has spaces in it" });
    expect(tagsOf(error)).toEqual({});
    expect(tagsOf(tagError(new Error("y"), { orderId: "ord_1", tossTraceId: null }))).toEqual({ orderId: "ord_1" });
  });

  it("the first tag given stays: an outer catch does not overwrite what the inner one knew", () => {
    const error = tagError(tagError(new Error("x"), { orderId: "ord_inner" }), { orderId: "ord_outer", tossTraceId: "t1" });
    expect(tagsOf(error)).toEqual({ orderId: "ord_inner", tossTraceId: "t1" });
  });

  it("a reporter that throws does not turn the answer into a crash", () => {
    registerErrorReporter(() => {
      throw new Error("reporter down");
    });
    expect(() => reportError(new Error("x"), "test")).not.toThrow();
  });

  it("tags a thrown non-object as it is (nothing to attach to)", () => {
    expect(tagError("plain", { orderId: "ord_1" })).toBe("plain");
    expect(tagsOf("plain")).toEqual({});
  });
});
