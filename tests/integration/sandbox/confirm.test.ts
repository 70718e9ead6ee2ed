// Conformance: POST /v1/payments/confirm, from Toss's documented behaviour (TOSS.md "Core API",
// "Browser flow", "Virtual account").
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  authenticatedPayment,
  confirm,
  merchantWithReceiver,
  newMerchant,
  openPayment,
  setMerchant,
  tossApi,
  waitFor,
} from "../../helpers/toss-sandbox";

const KST = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/;

describe("POST /v1/payments/confirm", () => {
  it("approves an authenticated card payment: DONE, the full Payment object", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant, { amount: 15000, orderName: "토스 티셔츠 외 2건" });
    const answer = await confirm(merchant, payment);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-tosspayments-trace-id")).toBeTruthy();
    const body = answer.body;
    expect(body).toMatchObject({
      mId: merchant.id,
      version: "2022-11-16",
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      orderName: "토스 티셔츠 외 2건",
      type: "NORMAL",
      status: "DONE",
      method: "카드",
      currency: "KRW",
      country: "KR",
      totalAmount: 15000,
      balanceAmount: 15000,
      suppliedAmount: 13636,
      vat: 1364,
      virtualAccount: null,
      easyPay: null,
      secret: null,
      cancels: null,
      failure: null,
      metadata: null,
    });
    expect(body.requestedAt).toMatch(KST);
    expect(body.approvedAt).toMatch(KST);
    expect(body.lastTransactionKey).toMatch(/^[0-9A-F]{32}$/);
    expect(body.card).toMatchObject({ amount: 15000, installmentPlanMonths: 0, cardType: "신용", approveNo: expect.stringMatching(/^\d{8}$/) });
    expect((body.receipt as { url: string }).url).toContain("/sandbox/toss/receipt/");
    const lookedUp = await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`);
    expect(lookedUp.body).toEqual(body);
  });

  it("accepts the amount as a numeric string, as Toss does", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant, { amount: 3000 });
    const answer = await tossApi(merchant, "POST", "/v1/payments/confirm", {
      body: { paymentKey: payment.paymentKey, orderId: payment.orderId, amount: "3000" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.totalAmount).toBe(3000);
  });

  it("issues a virtual account: WAITING_FOR_DEPOSIT, a secret, an X account, a bank and a due date", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT", amount: 5000, bank: "20" });
    const answer = await confirm(merchant, payment);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "WAITING_FOR_DEPOSIT", method: "가상계좌", approvedAt: null, card: null });
    expect(answer.body.secret).toMatch(/^ps_[A-Za-z0-9]{28}$/);
    const account = answer.body.virtualAccount as Record<string, unknown>;
    expect(account).toMatchObject({ accountType: "일반", bankCode: "20", customerName: "김토스", expired: false, refundStatus: "NONE" });
    expect(account.accountNumber).toMatch(/^X\d{13}$/);
    const due = new Date(account.dueDate as string).getTime();
    expect(due - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(due - Date.now()).toBeLessThan(7.1 * 24 * 3600_000);
  });

  it("approves 토스페이 as an easy-pay payment", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant, { methodKey: "TOSSPAY", amount: 8000 });
    const answer = await confirm(merchant, payment);
    expect(answer.body).toMatchObject({
      status: "DONE",
      method: "간편결제",
      easyPay: { provider: "토스페이", amount: 8000, discountAmount: 0 },
      card: null,
    });
  });

  it("answers a second confirm without an Idempotency-Key with ALREADY_PROCESSED_PAYMENT", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    expect((await confirm(merchant, payment)).status).toBe(200);
    const again = await confirm(merchant, payment);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ code: "ALREADY_PROCESSED_PAYMENT", message: "이미 처리된 결제 입니다." });
  });

  it("refuses an amount other than the authenticated one, and still confirms the right one", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant, { amount: 10000 });
    const tampered = await confirm(merchant, { ...payment, amount: 100 });
    expect(tampered.status).toBe(400);
    expect(tampered.body.code).toBe("INVALID_REQUEST");
    expect((await confirm(merchant, payment)).body.status).toBe("DONE");
  });

  it("refuses an orderId other than the payment's: NOT_FOUND_PAYMENT", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const answer = await confirm(merchant, { ...payment, orderId: "order_someone_else" });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe("NOT_FOUND_PAYMENT");
  });

  it("refuses a paymentKey that does not exist: NOT_FOUND_PAYMENT", async () => {
    const answer = await confirm(newMerchant(), { paymentKey: "tsbx_does_not_exist", orderId: "order_123456", amount: 1000 });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe("NOT_FOUND_PAYMENT");
  });

  it("refuses a confirm before the buyer authenticated: NOT_FOUND_PAYMENT_SESSION", async () => {
    const merchant = newMerchant();
    const opened = await openPayment(merchant);
    const row = await db.sandboxPayment.findUniqueOrThrow({ where: { id: opened.paymentId } });
    const answer = await confirm(merchant, { paymentKey: row.paymentKey, orderId: row.orderId, amount: row.totalAmount });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe("NOT_FOUND_PAYMENT_SESSION");
  });

  it("closes the 10-minute confirm window: NOT_FOUND_PAYMENT_SESSION, the payment EXPIRED with its webhook", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const payment = await authenticatedPayment(merchant);
      // The buyer authenticated 10 minutes and 1 second ago.
      await db.sandboxPayment.update({ where: { id: payment.paymentId }, data: { authenticatedAt: new Date(Date.now() - 601_000) } });
      const answer = await confirm(merchant, payment);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ code: "NOT_FOUND_PAYMENT_SESSION", message: "결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다." });
      const lookedUp = await tossApi(merchant, "GET", `/v1/payments/orders/${payment.orderId}`);
      expect(lookedUp.body.status).toBe("EXPIRED");
      const hook = await waitFor(() => receiver.received.find((h) => (h.body.data as { status?: string })?.status === "EXPIRED"));
      expect(hook.body.eventType).toBe("PAYMENT_STATUS_CHANGED");
    } finally {
      await receiver.close();
    }
  });

  it("still confirms 9 minutes after authentication", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    await db.sandboxPayment.update({ where: { id: payment.paymentId }, data: { authenticatedAt: new Date(Date.now() - 540_000) } });
    expect((await confirm(merchant, payment)).body.status).toBe("DONE");
  });

  it.each([
    ["malformed JSON", "{not json"],
    ["an empty body", ""],
    ["a JSON array", "[]"],
    ["a missing paymentKey", JSON.stringify({ orderId: "order_123456", amount: 1000 })],
    ["a fractional amount", JSON.stringify({ paymentKey: "k", orderId: "order_123456", amount: 10.5 })],
    ["a non-numeric amount", JSON.stringify({ paymentKey: "k", orderId: "order_123456", amount: "ten" })],
    ["an object as orderId", JSON.stringify({ paymentKey: "k", orderId: { $ne: 1 }, amount: 1000 })],
  ])("answers %s with 400 INVALID_REQUEST, never a 500", async (_, rawBody) => {
    const answer = await tossApi(newMerchant(), "POST", "/v1/payments/confirm", { rawBody });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: "INVALID_REQUEST", message: "잘못된 요청입니다." });
  });

  it("fails the next confirm with the code the console chose: ABORTED, failure recorded, the flag used once", async () => {
    const merchant = newMerchant();
    await setMerchant(merchant, { nextConfirm: "REJECT_CARD_PAYMENT" });
    const first = await authenticatedPayment(merchant);
    const refused = await confirm(merchant, first);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ code: "REJECT_CARD_PAYMENT", message: "한도초과 혹은 잔액부족으로 결제에 실패했습니다." });
    const aborted = await tossApi(merchant, "GET", `/v1/payments/${first.paymentKey}`);
    expect(aborted.body).toMatchObject({ status: "ABORTED", failure: { code: "REJECT_CARD_PAYMENT" } });
    const second = await authenticatedPayment(merchant);
    expect((await confirm(merchant, second)).body.status).toBe("DONE");
  });

  it("leaves the payment IN_PROGRESS after a forced PROVIDER_ERROR, so a retry succeeds", async () => {
    const merchant = newMerchant();
    await setMerchant(merchant, { nextConfirm: "PROVIDER_ERROR" });
    const payment = await authenticatedPayment(merchant);
    const first = await confirm(merchant, payment);
    expect(first.status).toBe(400);
    expect(first.body.code).toBe("PROVIDER_ERROR");
    expect((await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`)).body.status).toBe("IN_PROGRESS");
    expect((await confirm(merchant, payment)).body.status).toBe("DONE");
  });

  it("times out on demand: approves at once, answers only after the app has given up", async () => {
    const merchant = newMerchant();
    await setMerchant(merchant, { nextConfirm: "timeout", delayMs: 4000 });
    const payment = await authenticatedPayment(merchant);
    const started = Date.now();
    // The app's Toss client gives up after 10 s; this one after 1 s, with the sandbox holding for 4 s.
    const outcome = await tossApi(merchant, "POST", "/v1/payments/confirm", {
      body: { paymentKey: payment.paymentKey, orderId: payment.orderId, amount: payment.amount },
      timeoutMs: 1000,
    }).then(
      () => "answered",
      (error: Error) => error.name,
    );
    expect(outcome).toBe("TimeoutError");
    // What the app must do after a timeout: look the payment up. Toss did approve it.
    const lookedUp = await tossApi(merchant, "GET", `/v1/payments/orders/${payment.orderId}`);
    expect(lookedUp.body.status).toBe("DONE");
    expect(Date.now() - started).toBeLessThan(4000);
    // The flag was used once: the next confirm answers at once.
    const next = await authenticatedPayment(merchant);
    const quick = Date.now();
    expect((await confirm(merchant, next)).body.status).toBe("DONE");
    expect(Date.now() - quick).toBeLessThan(2000);
  });
});
