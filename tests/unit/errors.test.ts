import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorResponse, zodValidationError } from "@/lib/errors";

describe("zodValidationError", () => {
  it("keeps messages per field path", () => {
    const error = zodValidationError([
      { path: ["email"], message: "a" },
      { path: ["email"], message: "b" },
      { path: [], message: "c" },
    ]);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_FAILED", fieldErrors: { email: ["a", "b"], input: ["c"] } });
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("a client's key %s cannot reach Object.prototype", (key) => {
    const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(`{"${key}":{"admin":true},"ok":{}}`));
    const issues = parsed.success ? [{ path: [key], message: "x" }] : parsed.error.issues;
    const error = zodValidationError([...issues, { path: [key], message: "문자열이어야 해요." }]);
    expect(error.status).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(typeof Object.prototype.toString).toBe("function");
    expect(Object.keys(error.fieldErrors!)).toContain(`input.${key}`);
  });
});

describe("errorResponse", () => {
  it("answers an unreachable database 503 with Retry-After and a calm Korean message", async () => {
    const down = Object.assign(new Error("connect"), { code: "P1001" });
    const response = errorResponse(down, "test");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await response.json()).toEqual({ error: { code: "DATABASE_UNAVAILABLE", message: expect.stringContaining("잠시 후") } });
  });

  it("closes the connection of a 413", () => {
    const response = errorResponse(Object.assign(zodValidationError([]), { status: 413 }), "test");
    expect(response.headers.get("connection")).toBe("close");
  });

  it("answers anything else 500 with a generic message", async () => {
    const response = errorResponse(new Error("SELECT secret FROM keys"), "test");
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret");
  });
});
