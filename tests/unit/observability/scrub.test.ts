import { describe, expect, it } from "vitest";
import { FILTERED, scrubEvent, scrubString, scrubValue } from "@/lib/observability/scrub";

describe("billing keys", () => {
  it("are filtered under their keys and in Toss's and the sandbox console's paths", () => {
    const key = "Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=";
    const out = scrubString(`POST https://api.tosspayments.com/v1/billing/${key} failed; GET /sandbox/toss/console/api/billing-keys/${encodeURIComponent(key)}/next-charge`);
    expect(out).not.toContain("Z_t5vOvQxrj4499");
    expect(out).toContain(`/v1/billing/${FILTERED} failed`);
    expect(out).toContain(`/billing-keys/${FILTERED}/next-charge`);
    expect(scrubString("POST /v1/billing/authorizations/issue")).toBe("POST /v1/billing/authorizations/issue");
    expect(scrubValue({ billingKey: key, authKey: "bln_abc123", billing_key: key, orderId: "o1" })).toEqual({
      billingKey: FILTERED,
      authKey: FILTERED,
      billing_key: FILTERED,
      orderId: "o1",
    });
  });
});

describe("scrubString", () => {
  it("removes e-mails, Toss keys of both families, card-like numbers, credentials and URL passwords", () => {
    const text = [
      "buyer kim.minji+shop@example.co.kr paid",
      "keys test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6 live_sk_abcDEF123 test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq",
      "card 4330-1234-5678-9012 and 4330123456789012 and account 1002 345 678 901",
      "Authorization: Basic dGVzdF9nc2tfZG9jczo= and Bearer eyJhbGciOiJIUzI1NiJ9.e30.x",
      "postgres://app:s3cr3t-pw@db.internal:5432/shop",
    ].join("\n");
    const out = scrubString(text);
    for (const leaked of [
      "kim.minji+shop@example.co.kr",
      "test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6",
      "live_sk_abcDEF123",
      "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq",
      "4330-1234-5678-9012",
      "4330123456789012",
      "1002 345 678 901",
      "dGVzdF9nc2tfZG9jczo=",
      "eyJhbGciOiJIUzI1NiJ9",
      "s3cr3t-pw",
    ]) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain("buyer");
    expect(out).toContain("db.internal:5432/shop");
  });

  it("removes the server's own secret values wherever they appear, and keeps ids", () => {
    const out = scrubString("cron secret was Zx81-very-long-cron-secret for ord_8HkS2fQ1 (pay_20261122abc)", ["Zx81-very-long-cron-secret"]);
    expect(out).toBe(`cron secret was ${FILTERED} for ord_8HkS2fQ1 (pay_20261122abc)`);
  });

  it("keeps short numbers, timestamps inside ids and amounts", () => {
    expect(scrubString("amount 5000, 3 credits, trace 7f3a9c1d2e4b5a6978, at 2026-11-22")).toBe(
      "amount 5000, 3 credits, trace 7f3a9c1d2e4b5a6978, at 2026-11-22",
    );
  });
});

describe("scrubValue", () => {
  it("filters values under sensitive keys at any depth, and survives cycles", () => {
    const value: Record<string, unknown> = {
      orderId: "ord_1",
      secret: "deposit-secret-value",
      nested: { password: "hunter2hunter2", customerEmail: "a@b.kr", cardNumber: "433012******1234", list: [{ token: "t" }] },
      ok: true,
    };
    value.self = value;
    const out = scrubValue(value) as Record<string, unknown>;
    expect(out.orderId).toBe("ord_1");
    expect(out.secret).toBe(FILTERED);
    expect(out.nested).toEqual({ password: FILTERED, customerEmail: FILTERED, cardNumber: FILTERED, list: [{ token: FILTERED }] });
    expect(out.self).toBe(FILTERED);
    expect(JSON.stringify(out)).not.toContain("deposit-secret-value");
  });
});

describe("scrubEvent", () => {
  it("drops the user and the request's headers, cookies and body, and scrubs the rest", () => {
    const event = {
      message: "failed for buyer@example.com",
      user: { email: "buyer@example.com", ip_address: "203.0.113.9" },
      request: {
        url: "https://shop.example/api/payments/toss/confirm",
        method: "POST",
        headers: { cookie: "next-auth.session-token=abc", authorization: "Basic xyz" },
        cookies: { "next-auth.session-token": "abc" },
        data: '{"paymentKey":"pay_1","secret":"s"}',
      },
      exception: { values: [{ type: "Error", value: "card 4330123456789012 declined" }] },
      tags: { orderId: "ord_1" },
    };
    const out = scrubEvent(event);
    expect(out).not.toHaveProperty("user");
    expect(out.request).toEqual({ url: "https://shop.example/api/payments/toss/confirm", method: "POST" });
    expect(out.message).toBe(`failed for ${FILTERED}`);
    expect(out.exception.values[0]!.value).toBe(`card ${FILTERED} declined`);
    expect(out.tags).toEqual({ orderId: "ord_1" });
  });
});
