// Conformance: POST /v1/payments/{paymentKey}/cancel (full and partial; virtual accounts).
import { describe, expect, it } from "vitest";
import { confirmedPayment, consoleApi, newMerchant, openPayment, authenticatedPayment, tossApi } from "../../helpers/toss-sandbox";

const cancel = (merchant: ReturnType<typeof newMerchant>, paymentKey: string, body: unknown) =>
  tossApi(merchant, "POST", `/v1/payments/${paymentKey}/cancel`, { body });

describe("POST /v1/payments/{paymentKey}/cancel", () => {
  it("cancels in full: CANCELED, balance 0, a Cancel entry", async () => {
    const merchant = newMerchant();
    const payment = await confirmedPayment(merchant, { amount: 15000 });
    const answer = await cancel(merchant, payment.paymentKey, { cancelReason: "고객이 취소를 원함" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "CANCELED", totalAmount: 15000, balanceAmount: 0, suppliedAmount: 0, vat: 0 });
    const cancels = answer.body.cancels as Record<string, unknown>[];
    expect(cancels).toHaveLength(1);
    expect(cancels[0]).toMatchObject({
      cancelReason: "고객이 취소를 원함",
      cancelAmount: 15000,
      refundableAmount: 0,
      taxFreeAmount: 0,
      taxExemptionAmount: 0,
      easyPayDiscountAmount: 0,
      transferDiscountAmount: 0,
      receiptKey: null,
      cancelStatus: "DONE",
      cancelRequestId: null,
    });
    expect(cancels[0]!.transactionKey).toBe(answer.body.lastTransactionKey);
    expect(cancels[0]!.canceledAt).toMatch(/\+09:00$/);
  });

  it("cancels in parts: PARTIAL_CANCELED, then CANCELED when the balance reaches 0", async () => {
    const merchant = newMerchant();
    const payment = await confirmedPayment(merchant, { amount: 10000 });
    const part = await cancel(merchant, payment.paymentKey, { cancelReason: "부분 취소", cancelAmount: 4000 });
    expect(part.body).toMatchObject({ status: "PARTIAL_CANCELED", balanceAmount: 6000 });
    const tooMuch = await cancel(merchant, payment.paymentKey, { cancelReason: "초과", cancelAmount: 6001 });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body).toEqual({ code: "NOT_CANCELABLE_AMOUNT", message: "취소 할 수 없는 금액 입니다." });
    const rest = await cancel(merchant, payment.paymentKey, { cancelReason: "나머지", cancelAmount: 6000 });
    expect(rest.body).toMatchObject({ status: "CANCELED", balanceAmount: 0 });
    expect((rest.body.cancels as unknown[]).length).toBe(2);
    const again = await cancel(merchant, payment.paymentKey, { cancelReason: "또" });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ code: "ALREADY_CANCELED_PAYMENT", message: "이미 취소된 결제 입니다." });
  });

  it("refuses a payment that was never approved: NOT_CANCELABLE_PAYMENT", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const answer = await cancel(merchant, payment.paymentKey, { cancelReason: "x" });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe("NOT_CANCELABLE_PAYMENT");
    const unknown = await cancel(merchant, "tsbx_missing", { cancelReason: "x" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("NOT_FOUND_PAYMENT");
  });

  it.each([
    ["no cancelReason", {}],
    ["a cancelReason over 200 characters", { cancelReason: "가".repeat(201) }],
    ["a negative cancelAmount", { cancelReason: "x", cancelAmount: -1 }],
    ["a fractional cancelAmount", { cancelReason: "x", cancelAmount: 10.5 }],
    ["a string cancelAmount", { cancelReason: "x", cancelAmount: "100" }],
  ])("answers %s with 400 INVALID_REQUEST", async (_, body) => {
    const merchant = newMerchant();
    const payment = await confirmedPayment(merchant);
    const answer = await cancel(merchant, payment.paymentKey, body);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_REQUEST");
  });

  it("cancels a virtual account waiting for its deposit only in full, and without a refund account", async () => {
    const merchant = newMerchant();
    const payment = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT", amount: 9000 });
    const partial = await cancel(merchant, payment.paymentKey, { cancelReason: "부분", cancelAmount: 1000 });
    expect(partial.status).toBe(403);
    expect(partial.body).toEqual({ code: "NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT", message: "입금 대기중인 결제는 부분 환불이 불가합니다." });
    const full = await cancel(merchant, payment.paymentKey, { cancelReason: "입금 전 취소" });
    expect(full.body).toMatchObject({ status: "CANCELED", balanceAmount: 0 });
  });

  it("refunds a deposited virtual account only to a refundReceiveAccount", async () => {
    const merchant = newMerchant();
    const payment = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT", amount: 9000 });
    const deposit = await consoleApi("POST", `/payments/${payment.paymentKey}/deposit`, {});
    expect(deposit.status).toBe(200);

    const missing = await cancel(merchant, payment.paymentKey, { cancelReason: "환불" });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe("INVALID_REQUEST");
    const badNumber = await cancel(merchant, payment.paymentKey, {
      cancelReason: "환불",
      refundReceiveAccount: { bank: "88", accountNumber: "110-123-456", holderName: "김토스" },
    });
    expect(badNumber.body.code).toBe("INVALID_REFUND_ACCOUNT_NUMBER");
    const badBank = await cancel(merchant, payment.paymentKey, {
      cancelReason: "환불",
      refundReceiveAccount: { bank: "없는은행", accountNumber: "110123456", holderName: "김토스" },
    });
    expect(badBank.body.code).toBe("INVALID_BANK");

    const refunded = await cancel(merchant, payment.paymentKey, {
      cancelReason: "환불",
      cancelAmount: 4000,
      refundReceiveAccount: { bank: "신한", accountNumber: "110123456789", holderName: "김토스" },
    });
    expect(refunded.status).toBe(200);
    expect(refunded.body).toMatchObject({ status: "PARTIAL_CANCELED", balanceAmount: 5000 });
    expect(refunded.body.virtualAccount).toMatchObject({
      refundStatus: "COMPLETED",
      refundReceiveAccount: { bankCode: "88", accountNumber: "110123456789", holderName: "김토스" },
    });
  });

  it("never refunds more than the balance when partial cancels race", async () => {
    const merchant = newMerchant();
    const payment = await confirmedPayment(merchant, { amount: 10000 });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => cancel(merchant, payment.paymentKey, { cancelReason: `동시 ${i}`, cancelAmount: 4000 })),
    );
    const succeeded = answers.filter((a) => a.status === 200).length;
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(["FORBIDDEN_CONSECUTIVE_REQUEST", "NOT_CANCELABLE_AMOUNT"]).toContain(a.body.code);
    }
    const after = await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`);
    expect(succeeded).toBeGreaterThanOrEqual(1);
    expect(succeeded).toBeLessThanOrEqual(2);
    expect(after.body.balanceAmount).toBe(10000 - 4000 * succeeded);
    expect((after.body.cancels as unknown[]).length).toBe(succeeded);
  });

  it("leaves a READY payment (window still open) uncancelable", async () => {
    const merchant = newMerchant();
    const opened = await openPayment(merchant);
    const lookup = await tossApi(merchant, "GET", `/v1/payments/orders/${opened.orderId}`);
    expect(lookup.body).toMatchObject({ status: "READY", method: null, approvedAt: null });
    const answer = await cancel(merchant, lookup.body.paymentKey as string, { cancelReason: "x" });
    expect(answer.body.code).toBe("NOT_CANCELABLE_PAYMENT");
  });
});
