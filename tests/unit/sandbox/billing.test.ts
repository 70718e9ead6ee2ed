// 자동결제's pure parts: the Billing object (API version 2022-11-16), the type a billing charge's
// Payment object carries, the authKey's and the window's lifetimes, billing keys' shape and customerKeys.
import { describe, expect, it } from "vitest";
import { toBillingObject } from "@/lib/toss-sandbox/billing/billing-object";
import { authKeyExpired, billingWindowClosed } from "@/lib/toss-sandbox/billing/windows";
import { newBillingKey } from "@/lib/toss-sandbox/ids";
import { BILLING_CHARGE, toPaymentObject, type PaymentRecord } from "@/lib/toss-sandbox/payment-object";
import { BILLING_CUSTOMER_KEY_RULE } from "@/lib/toss-sandbox/widget-errors";

describe("the Billing object", () => {
  it("has Toss's fields, cardCompany and cardNumber included (version 2022-11-16 still sends them)", () => {
    const billing = toBillingObject({
      merchantId: "docs",
      customerKey: "aENcQAtPdYbTjGhtQnNVj",
      authenticatedAt: new Date("2020-09-25T05:38:41Z"),
      billingKey: "Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=",
      cardIssuerCode: "61",
      cardNumber: "43301234****123*",
      cardType: "신용",
      ownerType: "개인",
    });
    expect(billing).toEqual({
      mId: "tosspayments",
      customerKey: "aENcQAtPdYbTjGhtQnNVj",
      authenticatedAt: "2020-09-25T14:38:41+09:00",
      method: "카드",
      billingKey: "Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=",
      card: { issuerCode: "61", acquirerCode: "61", number: "43301234****123*", cardType: "신용", ownerType: "개인" },
      cardCompany: "현대",
      cardNumber: "43301234****123*",
    });
  });
});

describe("a billing charge's Payment object", () => {
  // The fields toPaymentObject reads for these two; the rest of a row does not matter here.
  const row = { id: "pay_1", merchantId: "docs", paymentKey: "tsbx1", successUrl: "", status: "DONE", method: "카드", cancels: [], requestedAt: new Date() };

  it("is of type BILLING and has no payment window; other payments stay NORMAL", () => {
    const billing = toPaymentObject({ ...row, sdkVersion: BILLING_CHARGE } as unknown as PaymentRecord, "https://shop.example.com");
    expect(billing).toMatchObject({ type: "BILLING", checkout: null });
    const normal = toPaymentObject({ ...row, sdkVersion: "v2" } as unknown as PaymentRecord, "https://shop.example.com");
    expect(normal).toMatchObject({ type: "NORMAL", checkout: { url: "https://shop.example.com/sandbox/toss/pay/pay_1" } });
  });
});

describe("lifetimes", () => {
  const at = new Date("2026-01-01T00:00:00Z");
  const minutes = (n: number) => new Date(at.getTime() - n * 60_000);

  it.each([
    ["READY", 29, false],
    ["READY", 31, true],
    ["AUTHENTICATED", 31, false],
  ])("a %s window opened %i minutes ago is closed: %s", (status, age, closed) => {
    expect(billingWindowClosed({ status, requestedAt: minutes(age), authenticatedAt: null }, at)).toBe(closed);
  });

  it.each([
    [9, false],
    [11, true],
    [null, true],
  ])("an authKey made %s minutes ago has lapsed: %s", (age, lapsed) => {
    expect(authKeyExpired({ status: "AUTHENTICATED", requestedAt: minutes(40), authenticatedAt: age === null ? null : minutes(age) }, at)).toBe(lapsed);
  });
});

describe("billing keys and customerKeys", () => {
  it("draws billing keys of 44 URL-safe characters ending in =, never starting with -", () => {
    for (let i = 0; i < 200; i++) expect(newBillingKey()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{42}=$/);
  });

  it.each([
    ["ab", true],
    ["a", false],
    ["x".repeat(300), true],
    ["x".repeat(301), false],
    ["user-1_x=.@y", true],
    ["has space", false],
    ["이메일", false],
  ])("customerKey %s is %s", (key, ok) => {
    expect(BILLING_CUSTOMER_KEY_RULE.test(key)).toBe(ok);
  });
});
