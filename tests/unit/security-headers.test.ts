import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split("; ").map((d) => {
      const [name, ...values] = d.split(" ");
      return [name!, values];
    }),
  );

const NONCE = "q1w2e3r4t5y6u7i8o9p0Aa==";

describe("contentSecurityPolicy", () => {
  it("sandbox mode allows only this app's own origin", () => {
    const csp = directives(contentSecurityPolicy({ tossMode: "sandbox", development: false, appUrl: "http://127.0.0.1:3100", nonce: NONCE }));
    expect(csp["script-src"]).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    expect(csp["frame-src"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(JSON.stringify(csp)).not.toContain("tosspayments");
    expect(csp["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("live mode adds Toss's script host and its frames and connections, nothing wider", () => {
    const csp = directives(contentSecurityPolicy({ tossMode: "live", development: false, appUrl: "https://shop.example.com", nonce: NONCE }));
    expect(csp["script-src"]).toEqual(["'self'", `'nonce-${NONCE}'`, "https://js.tosspayments.com"]);
    expect(csp["connect-src"]).toEqual(["'self'", "https://*.tosspayments.com"]);
    expect(csp["frame-src"]).toEqual(["'self'", "https://*.tosspayments.com"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["upgrade-insecure-requests"]).toEqual([]);
  });

  it("allows no inline script and no eval in production, in either mode", () => {
    for (const tossMode of ["sandbox", "live"] as const) {
      const scripts = directives(contentSecurityPolicy({ tossMode, development: false, appUrl: "https://a.example", nonce: NONCE }))["script-src"]!;
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(scripts.filter((s) => s.startsWith("'nonce-"))).toEqual([`'nonce-${NONCE}'`]);
    }
  });

  it.each(["", "short", "not base64!!not base64!!", "abc'; script-src *"])("refuses the nonce %j", (nonce) => {
    expect(() => contentSecurityPolicy({ tossMode: "sandbox", development: false, appUrl: "http://x", nonce })).toThrow(/nonce/);
  });

  it("development adds eval and the HMR socket only there", () => {
    const dev = directives(contentSecurityPolicy({ tossMode: "sandbox", development: true, appUrl: "http://localhost:3000", nonce: NONCE }));
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(dev["connect-src"]).toContain("ws:");
  });
});

describe("securityHeaders", () => {
  it("sends HSTS only for an https app", () => {
    const keys = (appUrl: string) => securityHeaders({ tossMode: "live", development: false, appUrl }).map((h) => h.key);
    expect(keys("https://shop.example.com")).toContain("Strict-Transport-Security");
    expect(keys("http://localhost:3000")).not.toContain("Strict-Transport-Security");
    expect(keys("http://localhost:3000")).toEqual(
      expect.arrayContaining(["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"]),
    );
    // The policy carries each request's nonce: proxy.ts sets it, never the static headers.
    expect(keys("http://localhost:3000")).not.toContain("Content-Security-Policy");
  });
});
