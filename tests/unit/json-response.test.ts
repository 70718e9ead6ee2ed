// lib/json-response.ts: small JSON answers are marked to go uncompressed, larger ones are left to gzip.
import { describe, expect, it } from "vitest";
import { COMPRESS_FROM_BYTES, jsonResponse } from "@/lib/json-response";

describe("jsonResponse", () => {
  it("answers JSON with the status and headers given, as Response.json does", async () => {
    const response = jsonResponse({ ok: true, 금액: 3000 }, { status: 201, headers: { "X-Trace": "t1" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-trace")).toBe("t1");
    expect(await response.json()).toEqual({ ok: true, 금액: 3000 });
  });

  it.each([
    ["no Cache-Control", undefined, "no-transform"],
    ["Cache-Control: no-store", "no-store", "no-store, no-transform"],
  ])("a body under 1 KB (%s) is marked no-transform", (_, given, expected) => {
    const response = jsonResponse({ ok: true }, { headers: given ? { "Cache-Control": given } : {} });
    expect(response.headers.get("cache-control")).toBe(expected);
  });

  it("counts bytes, not characters: Korean text past the threshold in UTF-8 is left to compression", () => {
    // 342 Hangul syllables: 342 characters, 1,026 bytes in UTF-8, plus the quotes.
    const text = "가".repeat(Math.ceil(COMPRESS_FROM_BYTES / 3));
    expect(text.length).toBeLessThan(COMPRESS_FROM_BYTES);
    expect(jsonResponse(text).headers.get("cache-control")).toBeNull();
  });

  it("a body of 1 KB or more keeps its Cache-Control as given", () => {
    const big = { entries: "x".repeat(COMPRESS_FROM_BYTES) };
    expect(jsonResponse(big).headers.get("cache-control")).toBeNull();
    expect(jsonResponse(big, { headers: { "Cache-Control": "no-store" } }).headers.get("cache-control")).toBe("no-store");
  });

  it("keeps a content type given (the sandbox's Toss answers carry a charset)", () => {
    const response = jsonResponse({}, { headers: { "Content-Type": "application/json; charset=utf-8" } });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });
});
