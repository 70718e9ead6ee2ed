// proxy.ts runs on every request but a few JSON endpoints of the payment path (issue #9: each purchase
// passes through them several times). Over real HTTP against the built app: those answer with
// next.config.ts's fixed JSON policy and still refuse bad input with a 4xx; their neighbours and every
// page still get the proxy's per-request nonce; the matcher's literal names exactly those paths.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JSON_ONLY_CONTENT_SECURITY_POLICY, PROXY_SKIPPED_PATHS } from "@/lib/security-headers";
import { APP_URL, Client } from "../helpers/http";

const request = (path: string, init: RequestInit = {}) => new Client().fetch(path, init);
const csp = (response: Response) => response.headers.get("content-security-policy") ?? "";
const SANDBOX_AUTH = `Basic ${Buffer.from("test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6:").toString("base64")}`;

/** A next.config.ts source (`/a/:name(re)`) as the matcher writes it (`/a/re`). */
const asMatcher = (source: string) => source.replace(/:\w+\(([^)]+)\)/g, "$1");
/** The skipped endpoints' POST routes, as machines call them. */
const SKIPPED_POSTS = ["/api/payments/toss/confirm", "/api/webhooks/toss", "/sandbox/toss/v1/payments/confirm", "/api/noop"];

describe("the proxy's scope", () => {
  it("the matcher leaves out exactly the listed JSON endpoints (and build output and public files)", () => {
    const source = readFileSync(path.join(process.cwd(), "proxy.ts"), "utf8");
    const matcher = /matcher: \[\s*"([^"]+)"/.exec(source)?.[1];
    expect(matcher).toBeDefined();
    const skipped = /^\/\(\(\?!(.*)\)\.\*\)$/.exec(matcher!.replaceAll("\\\\", "\\"))?.[1]?.split("|") ?? [];
    const endpoints = skipped.filter((p) => !/^(_next\/|favicon|robots)/.test(p)).map((p) => `/${p.replace(/\$$/, "")}`);
    expect(endpoints.sort()).toEqual(PROXY_SKIPPED_PATHS.map(asMatcher).sort());
    // Exact paths only: each ends with $, so that nothing under them is skipped too.
    for (const p of skipped.filter((p) => !p.startsWith("_next/"))) expect(p).toMatch(/\$$/);
  });

  it.each(SKIPPED_POSTS)("%s: the fixed JSON policy, no nonce, and bad input still a 4xx", async (p) => {
    const response = await request(p, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(csp(response)).toBe(JSON_ONLY_CONTENT_SECURITY_POLICY);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    if (p === "/api/noop") expect(response.status).toBe(204);
    else expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);

    // A multipart body that is not multipart, which the proxy refuses elsewhere: the route refuses it.
    const multipart = await request(p, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "../../etc/passwd" });
    expect(multipart.status).toBeLessThan(500);
    if (p !== "/api/noop") expect(multipart.status).toBeGreaterThanOrEqual(400);
  });

  it("the sandbox's lookup by paymentKey: the fixed JSON policy, Toss's answers", async () => {
    const unknown = await request("/sandbox/toss/v1/payments/tgen_no_such_payment_0001", { headers: { authorization: SANDBOX_AUTH } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "NOT_FOUND_PAYMENT" });
    expect(csp(unknown)).toBe(JSON_ONLY_CONTENT_SECURITY_POLICY);
    expect(unknown.headers.get("x-content-type-options")).toBe("nosniff");
    const anonymous = await request("/sandbox/toss/v1/payments/tgen_no_such_payment_0001");
    expect(anonymous.status).toBe(401);
    expect(csp(anonymous)).toBe(JSON_ONLY_CONTENT_SECURITY_POLICY);
    // A multipart POST that is not multipart, which the proxy refuses elsewhere: a 4xx here too.
    const declared = await request("/sandbox/toss/v1/payments/tgen_no_such_payment_0001", {
      method: "POST",
      headers: { authorization: SANDBOX_AUTH, "content-type": "multipart/form-data; boundary=x" },
      body: "../../etc/passwd",
    });
    expect(declared.status).toBeGreaterThanOrEqual(400);
    expect(declared.status).toBeLessThan(500);
  });

  it.each(["/sandbox/toss/v1/payments/%E0%A4%A", "/sandbox/toss/v1/payments/%00", "/sandbox/toss/v1/payments/a%0d%0ab"])(
    "%s: a key that is not plain characters still meets the proxy's refusal (400 INVALID_PATH, Toss's shape)",
    async (p) => {
      const response = await request(p, { headers: { authorization: SANDBOX_AUTH } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "INVALID_PATH", message: expect.stringMatching(/[가-힣]/) });
    },
  );

  it.each(["/pricing", "/api/credits", "/api/orders", "/api/webhooks/toss/extra", "/api/webhooks/tossx", "/sandbox/toss/v1/payments/a%20b", "/sandbox/toss/v1/payments/orders/ord_x", "/api/noop/x"])(
    "%s still goes through the proxy: a per-request nonce",
    async (p) => {
      const [first, second] = [await request(p), await request(p)];
      for (const response of [first, second]) expect(csp(response)).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22,}={0,2}'/);
      expect(csp(first)).not.toBe(csp(second));
    },
  );

  it("the sandbox's confirm limits its body itself: declared too large → 413, streamed past the limit → 400", async () => {
    const auth = `Basic ${Buffer.from("test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6:").toString("base64")}`;
    const declared = await fetch(`${APP_URL}/sandbox/toss/v1/payments/confirm`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify({ paymentKey: "x".repeat(300_000), orderId: "o", amount: 1 }),
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: "BODY_TOO_LARGE" });
    expect(declared.headers.get("connection")).toBe("close");

    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const streamed = await fetch(`${APP_URL}/sandbox/toss/v1/payments/confirm`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: new ReadableStream({
        pull(controller) {
          if (sent++ < 8) controller.enqueue(chunk);
          else controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(400);
    expect(await streamed.json()).toMatchObject({ code: "INVALID_REQUEST" });
  });
});
