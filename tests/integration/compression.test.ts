// Over real HTTP against the built app (next start, compress on): small JSON answers go as they are,
// with no gzip stream spent on a few dozen bytes (lib/json-response.ts); large ones are still gzipped
// for a client that accepts it.
import { describe, expect, it } from "vitest";
import { Client } from "../helpers/http";
import { APP_MERCHANT } from "../helpers/shop";
import { confirmedPayment, tossApi } from "../helpers/toss-sandbox";

const GZIP = { "accept-encoding": "gzip" };

describe("compression of JSON answers", () => {
  it("a webhook's answer (and a refusal) is sent uncompressed, marked no-transform", async () => {
    const response = await new Client().fetch("/api/webhooks/toss", {
      method: "POST",
      headers: { ...GZIP, "content-type": "application/json" },
      body: JSON.stringify({ eventType: "PAYMENT_STATUS_CHANGED", data: {} }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("cache-control")).toContain("no-transform");
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_WEBHOOK" } });
  });

  it("a small answer keeps its own Cache-Control", async () => {
    const response = await new Client().fetch("/api/health", { headers: GZIP });
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
  });

  it("a payment object (a few KB) is still gzipped for a client that accepts it, and not for one that asks identity", async () => {
    const payment = await confirmedPayment(APP_MERCHANT);
    const path = `/v1/payments/${payment.paymentKey}`;
    const gzipped = await tossApi(APP_MERCHANT, "GET", path, { headers: GZIP });
    expect(gzipped.status).toBe(200);
    expect(JSON.stringify(gzipped.body).length).toBeGreaterThan(1024);
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("cache-control")).not.toContain("no-transform");
    const plain = await tossApi(APP_MERCHANT, "GET", path, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.body).toEqual(gzipped.body);
  });
});
