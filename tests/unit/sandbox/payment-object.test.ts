// The Payment object (API version 2022-11-16): every field Toss sends, null where Toss gives null.
import { describe, expect, it } from "vitest";
import { splitVat, toPaymentObject, type PaymentRecord } from "@/lib/toss-sandbox/payment-object";
import { eventsForStatus } from "@/lib/toss-sandbox/webhooks/events";

const APP = "https://shop.example.com";
const requestedAt = new Date("2022-08-05T03:56:00Z");
const approvedAt = new Date("2022-08-05T03:56:21Z");

function record(overrides: Partial<PaymentRecord> = {}): PaymentRecord {
  return {
    id: "pay_1",
    merchantId: "docs",
    paymentKey: "tsbx20220805125600abcdefghij",
    orderId: "a4CWyWY5m89PNh7xJwhk1",
    orderName: "토스 티셔츠 외 2건",
    method: "카드",
    easyPayProvider: null,
    status: "DONE",
    totalAmount: 15000,
    balanceAmount: 15000,
    customerKey: "@@ANONYMOUS",
    customerEmail: null,
    customerName: "김토스",
    successUrl: `${APP}/success`,
    failUrl: `${APP}/fail`,
    sdkVersion: "v2",
    keyFamily: "API_INDIVIDUAL",
    customerMobilePhone: null,
    requestedAt,
    authenticatedAt: requestedAt,
    approvedAt,
    lastTransactionKey: "B7103F204998813B889C77C043D09502",
    secret: null,
    cardIssuerCode: "61",
    cardNumber: "43301234****123*",
    approveNo: "00000000",
    accountNumber: null,
    bankCode: null,
    dueDate: null,
    accountExpired: false,
    refundStatus: "NONE",
    refundReceiveAccount: null,
    cancels: [],
    failureCode: null,
    failureMessage: null,
    nextConfirmErrorCode: null,
    nextConfirmDelayMs: null,
    webhookUrl: null,
    createdAt: requestedAt,
    updatedAt: approvedAt,
    ...overrides,
  };
}

const FIELDS = [
  "mId", "lastTransactionKey", "paymentKey", "orderId", "orderName", "taxExemptionAmount", "status", "requestedAt",
  "approvedAt", "useEscrow", "cultureExpense", "card", "virtualAccount", "transfer", "mobilePhone", "giftCertificate",
  "cashReceipt", "cashReceipts", "discount", "cancels", "secret", "type", "easyPay", "country", "failure",
  "isPartialCancelable", "receipt", "checkout", "currency", "totalAmount", "balanceAmount", "suppliedAmount", "vat",
  "taxFreeAmount", "method", "version", "metadata",
].sort();

describe("toPaymentObject", () => {
  it("writes a DONE card payment as Toss's docs example does", () => {
    const payment = toPaymentObject(record(), APP);
    expect(Object.keys(payment).sort()).toEqual(FIELDS);
    expect(payment).toMatchObject({
      mId: "tosspayments",
      version: "2022-11-16",
      type: "NORMAL",
      status: "DONE",
      method: "카드",
      currency: "KRW",
      country: "KR",
      requestedAt: "2022-08-05T12:56:00+09:00",
      approvedAt: "2022-08-05T12:56:21+09:00",
      totalAmount: 15000,
      balanceAmount: 15000,
      suppliedAmount: 13636,
      vat: 1364,
      taxFreeAmount: 0,
      taxExemptionAmount: 0,
      useEscrow: false,
      cultureExpense: false,
      isPartialCancelable: true,
      virtualAccount: null,
      transfer: null,
      mobilePhone: null,
      giftCertificate: null,
      cashReceipt: null,
      cashReceipts: null,
      discount: null,
      cancels: null,
      secret: null,
      easyPay: null,
      failure: null,
      metadata: null,
      card: {
        issuerCode: "61",
        acquirerCode: "61",
        number: "43301234****123*",
        installmentPlanMonths: 0,
        isInterestFree: false,
        interestPayer: null,
        approveNo: "00000000",
        useCardPoint: false,
        cardType: "신용",
        ownerType: "개인",
        acquireStatus: "READY",
        amount: 15000,
      },
      receipt: { url: `${APP}/sandbox/toss/receipt/tsbx20220805125600abcdefghij` },
      checkout: { url: `${APP}/sandbox/toss/pay/pay_1` },
    });
  });

  it("has no method, approval or receipt before authentication", () => {
    const payment = toPaymentObject(record({ status: "READY", authenticatedAt: null, approvedAt: null, lastTransactionKey: null }), APP);
    expect(payment).toMatchObject({ status: "READY", method: null, approvedAt: null, card: null, receipt: null, lastTransactionKey: null });
  });

  it("writes an issued virtual account: no approval yet, a secret, an account starting with X", () => {
    const payment = toPaymentObject(
      record({
        method: "가상계좌",
        status: "WAITING_FOR_DEPOSIT",
        approvedAt: null,
        secret: "ps_GjLJoQ1aVZ965EbZMQy13w6KYe2R",
        accountNumber: "X9018612307559",
        bankCode: "88",
        dueDate: new Date("2022-08-12T03:56:21Z"),
      }),
      APP,
    );
    expect(payment.approvedAt).toBeNull();
    expect(payment.secret).toBe("ps_GjLJoQ1aVZ965EbZMQy13w6KYe2R");
    expect(payment.card).toBeNull();
    expect(payment.virtualAccount).toEqual({
      accountType: "일반",
      accountNumber: "X9018612307559",
      bankCode: "88",
      customerName: "김토스",
      dueDate: "2022-08-12T12:56:21+09:00",
      refundStatus: "NONE",
      expired: false,
      settlementStatus: "INCOMPLETED",
      refundReceiveAccount: null,
      depositorName: null,
    });
  });

  it("writes an easy-pay payment with its provider", () => {
    const payment = toPaymentObject(record({ method: "간편결제", easyPayProvider: "토스페이" }), APP);
    expect(payment.easyPay).toEqual({ provider: "토스페이", amount: 15000, discountAmount: 0 });
    expect(payment.card).toBeNull();
  });

  it("writes a 계좌이체 (TRANSFER) payment with its bank, and nothing else method-specific", () => {
    const payment = toPaymentObject(record({ method: "계좌이체", bankCode: "20", cardIssuerCode: null, cardNumber: null, approveNo: null }), APP);
    expect(payment.method).toBe("계좌이체");
    expect(payment.transfer).toEqual({ bankCode: "20", settlementStatus: "COMPLETED" });
    expect([payment.card, payment.virtualAccount, payment.mobilePhone, payment.easyPay]).toEqual([null, null, null, null]);
  });

  it("writes a 휴대폰 (MOBILE_PHONE) payment with the buyer's number and a receipt", () => {
    const payment = toPaymentObject(record({ method: "휴대폰", customerMobilePhone: "01012345678", cardIssuerCode: null }), APP);
    expect(payment.mobilePhone).toEqual({
      customerMobilePhone: "01012345678",
      settlementStatus: "COMPLETED",
      receiptUrl: `${APP}/sandbox/toss/receipt/tsbx20220805125600abcdefghij`,
    });
    expect(payment.card).toBeNull();
    // Before authentication there is no method and so no method object.
    expect(toPaymentObject(record({ method: "휴대폰", status: "READY", authenticatedAt: null, approvedAt: null }), APP).mobilePhone).toBeNull();
  });

  it("recomputes supply value and VAT from the balance after a cancel", () => {
    const cancel = { transactionKey: "T", cancelReason: "r", cancelAmount: 5000, canceledAt: "x", refundableAmount: 10000 };
    const payment = toPaymentObject(record({ status: "PARTIAL_CANCELED", balanceAmount: 10000, cancels: [cancel] }), APP);
    expect(payment).toMatchObject({ balanceAmount: 10000, suppliedAmount: 9091, vat: 909 });
    expect(payment.cancels).toEqual([cancel]);
  });

  it.each([
    [15000, 13636, 1364],
    [50000, 45455, 4545],
    [11111, 10101, 1010],
    [0, 0, 0],
  ])("splits %i won into %i + %i VAT as Toss does", (amount, supplied, vat) => {
    expect(splitVat(amount)).toEqual({ suppliedAmount: supplied, vat });
  });
});

describe("webhook events for a status", () => {
  const now = new Date("2021-12-31T15:00:00Z");
  const kinds = (overrides: Partial<PaymentRecord>) =>
    eventsForStatus(record(overrides), APP, now).map((e) => `${e.eventType}:${e.paymentStatus}`);
  const va = { method: "가상계좌", secret: "ps_x", accountNumber: "X1", bankCode: "88" };

  it.each([
    ["card DONE", { status: "DONE" as const }, ["PAYMENT_STATUS_CHANGED:DONE"]],
    ["card CANCELED", { status: "CANCELED" as const }, ["PAYMENT_STATUS_CHANGED:CANCELED"]],
    ["card PARTIAL_CANCELED", { status: "PARTIAL_CANCELED" as const }, ["PAYMENT_STATUS_CHANGED:PARTIAL_CANCELED"]],
    ["ABORTED", { status: "ABORTED" as const }, ["PAYMENT_STATUS_CHANGED:ABORTED"]],
    ["EXPIRED", { status: "EXPIRED" as const }, ["PAYMENT_STATUS_CHANGED:EXPIRED"]],
    ["READY", { status: "READY" as const }, []],
    ["IN_PROGRESS", { status: "IN_PROGRESS" as const }, []],
    ["virtual account issued", { ...va, status: "WAITING_FOR_DEPOSIT" as const }, ["PAYMENT_STATUS_CHANGED:WAITING_FOR_DEPOSIT", "DEPOSIT_CALLBACK:WAITING_FOR_DEPOSIT"]],
    ["virtual account deposited", { ...va, status: "DONE" as const }, ["PAYMENT_STATUS_CHANGED:DONE", "DEPOSIT_CALLBACK:DONE"]],
    ["virtual account canceled", { ...va, status: "CANCELED" as const }, ["PAYMENT_STATUS_CHANGED:CANCELED", "DEPOSIT_CALLBACK:CANCELED"]],
  ])("%s", (_, overrides, expected) => {
    expect(kinds(overrides)).toEqual(expected);
  });

  it("writes DEPOSIT_CALLBACK flat, and PAYMENT_STATUS_CHANGED with the Payment in data", () => {
    const [changed, deposit] = eventsForStatus(record({ ...va, status: "DONE" }), APP, now);
    expect(JSON.parse(deposit!.body)).toEqual({
      createdAt: "2022-01-01T00:00:00.000000",
      secret: "ps_x",
      status: "DONE",
      transactionKey: "B7103F204998813B889C77C043D09502",
      orderId: "a4CWyWY5m89PNh7xJwhk1",
    });
    const body = JSON.parse(changed!.body);
    expect(body).toMatchObject({ eventType: "PAYMENT_STATUS_CHANGED", createdAt: "2022-01-01T00:00:00.000000" });
    expect(Object.keys(body.data).sort()).toEqual(FIELDS);
  });
});
