import { describe, expect, it } from "vitest";
import { redact } from "@/lib/payments/record-event";
import { parseWebhook } from "@/lib/payments/webhooks/parse-webhook";

describe("parseWebhook", () => {
  it("reads PAYMENT_STATUS_CHANGED", () => {
    const event = parseWebhook({ eventType: "PAYMENT_STATUS_CHANGED", createdAt: "2022-01-01T00:00:00.000000", data: { paymentKey: "pk_1", orderId: "ord_123456", status: "DONE" } });
    expect(event).toMatchObject({ kind: "PAYMENT_STATUS_CHANGED", data: { paymentKey: "pk_1" } });
  });

  it("reads the flat DEPOSIT_CALLBACK", () => {
    const event = parseWebhook({ createdAt: "2022-01-01T00:00:00.000000", secret: "s3cr3t", status: "DONE", transactionKey: "tx_1", orderId: "ord_123456" });
    expect(event).toMatchObject({ kind: "DEPOSIT_CALLBACK", orderId: "ord_123456", status: "DONE" });
  });

  it("reads CANCEL_STATUS_CHANGED", () => {
    expect(parseWebhook({ eventType: "CANCEL_STATUS_CHANGED", data: { transactionKey: "tx", paymentKey: "pk" } })).toMatchObject({ kind: "CANCEL_STATUS_CHANGED" });
  });

  it("sets aside events we do not handle", () => {
    expect(parseWebhook({ eventType: "PAYOUT_STATUS_CHANGED", data: {} })).toEqual({ kind: "OTHER", eventType: "PAYOUT_STATUS_CHANGED" });
  });

  it.each([
    ["null", null],
    ["a string", "DONE"],
    ["an array", []],
    ["an empty object", {}],
    ["a payment event without paymentKey", { eventType: "PAYMENT_STATUS_CHANGED", data: {} }],
    ["a payment event with a number paymentKey", { eventType: "PAYMENT_STATUS_CHANGED", data: { paymentKey: 1 } }],
    ["a deposit callback without secret", { status: "DONE", orderId: "ord_123456" }],
    ["an oversized orderId", { secret: "s", status: "DONE", orderId: "o".repeat(65) }],
  ])("refuses %s", (_, body) => {
    expect(parseWebhook(body)).toBeNull();
  });
});

describe("redact", () => {
  it("removes secrets and card/account numbers, deep", () => {
    expect(
      redact({ secret: "s", card: { number: "1234-****", issuerCode: "61" }, virtualAccount: { accountNumber: "X123" }, cancels: [{ secret: "t" }], ok: 1 }),
    ).toEqual({
      secret: "[redacted]",
      card: { number: "[redacted]", issuerCode: "61" },
      virtualAccount: { accountNumber: "[redacted]" },
      cancels: [{ secret: "[redacted]" }],
      ok: 1,
    });
  });
});
