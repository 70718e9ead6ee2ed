// Conformance: Idempotency-Key as Toss documents it (docs "멱등키 헤더", TOSS.md "Idempotency-Key").
import { describe, expect, it } from "vitest";
import { authenticatedPayment, confirm, newMerchant, setMerchant, tossApi, waitFor } from "../../helpers/toss-sandbox";

describe("Idempotency-Key", () => {
  it("replays the first answer unchanged for a repeat, whatever its body", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const first = await confirm(merchant, payment, `confirm-${payment.orderId}`);
    expect(first.status).toBe(200);
    // Same key, a different (even wrong) body: the first answer comes back, nothing is processed.
    const repeat = await tossApi(merchant, "POST", "/v1/payments/confirm", {
      body: { paymentKey: "something-else", orderId: "order_other", amount: 1 },
      idempotencyKey: `confirm-${payment.orderId}`,
    });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    // Without the key the payment is already processed.
    expect((await confirm(merchant, payment)).body.code).toBe("ALREADY_PROCESSED_PAYMENT");
  });

  it("replays error answers too", async () => {
    const merchant = newMerchant();
    const first = await confirm(merchant, { paymentKey: "tsbx_none", orderId: "order_none1", amount: 1 }, "key-error-replay");
    expect(first.body.code).toBe("NOT_FOUND_PAYMENT");
    const payment = await authenticatedPayment(merchant);
    const repeat = await confirm(merchant, payment, "key-error-replay");
    expect(repeat.status).toBe(404);
    expect(repeat.body).toEqual(first.body);
  });

  it("keeps the first answer even after the payment changed", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const first = await confirm(merchant, payment, `k-${payment.orderId}`);
    await tossApi(merchant, "POST", `/v1/payments/${payment.paymentKey}/cancel`, { body: { cancelReason: "고객 요청" }, idempotencyKey: "c1" });
    const repeat = await confirm(merchant, payment, `k-${payment.orderId}`);
    expect(repeat.body).toEqual(first.body);
    expect(repeat.body.status).toBe("DONE");
  });

  it("matches on key + secret key + URL + method: the same key elsewhere is a new request", async () => {
    const a = newMerchant();
    const b = newMerchant();
    const key = `shared-${Date.now()}`;
    const paymentA = await authenticatedPayment(a);
    const paymentB = await authenticatedPayment(b);
    expect((await confirm(a, paymentA, key)).body.status).toBe("DONE");
    // Another secret key, same key and URL: processed.
    expect((await confirm(b, paymentB, key)).body.status).toBe("DONE");
    // Same secret key, same key, another URL: processed.
    const cancel = await tossApi(a, "POST", `/v1/payments/${paymentA.paymentKey}/cancel`, { body: { cancelReason: "테스트" }, idempotencyKey: key });
    expect(cancel.body.status).toBe("CANCELED");
  });

  it("refuses a key longer than 300 characters with 400 INVALID_IDEMPOTENCY_KEY, and accepts 300", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const tooLong = await confirm(merchant, payment, "k".repeat(301));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual({ code: "INVALID_IDEMPOTENCY_KEY", message: "멱등키는 300자 이하여야 합니다." });
    expect((await confirm(merchant, payment, "k".repeat(300))).body.status).toBe("DONE");
  });

  it("ignores the header on GET", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const before = await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`, { idempotencyKey: "get-key" });
    await confirm(merchant, payment);
    const after = await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`, { idempotencyKey: "get-key" });
    expect(before.body.status).toBe("IN_PROGRESS");
    expect(after.body.status).toBe("DONE");
  });

  it("answers 409 IDEMPOTENT_REQUEST_PROCESSING while the first request is still running, then replays it", async () => {
    const merchant = newMerchant();
    await setMerchant(merchant, { nextConfirm: "timeout", delayMs: 3000 });
    const payment = await authenticatedPayment(merchant);
    const key = `inflight-${payment.orderId}`;
    const first = confirm(merchant, payment, key);
    // Once the payment shows DONE the first request is being held (approved, not yet answered).
    await waitFor(async () => (await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`)).body.status === "DONE", 2500);
    const repeat = await confirm(merchant, payment, key);
    expect(repeat.status).toBe(409);
    expect(repeat.body).toEqual({ code: "IDEMPOTENT_REQUEST_PROCESSING", message: "이전 멱등 요청이 처리중입니다." });
    const done = await first;
    expect(done.status).toBe(200);
    const replay = await confirm(merchant, payment, key);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(done.body);
  });

  it("approves once when many confirms with different keys race", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => confirm(merchant, payment, `race-${payment.orderId}-${i}`)));
    const approved = answers.filter((a) => a.status === 200);
    expect(approved).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body.code).toBe("ALREADY_PROCESSED_PAYMENT");
  });

  // The confirm claims its key in the same statement that reads the payment (one round trip): what
  // follows holds that claim to the same rules as the others.
  it("replays an answer given before the payment was even read (a malformed body)", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const key = `malformed-${payment.orderId}`;
    const first = await tossApi(merchant, "POST", "/v1/payments/confirm", { rawBody: "{", idempotencyKey: key });
    expect(first.status).toBe(400);
    expect(first.body.code).toBe("INVALID_REQUEST");
    const repeat = await confirm(merchant, payment, key);
    expect(repeat.status).toBe(400);
    expect(repeat.body).toEqual(first.body);
    expect((await confirm(merchant, payment)).body.status).toBe("DONE");
  });

  it("many confirms with one key at once: the work runs once, the others hear its answer or 409", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const key = `same-${payment.orderId}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => confirm(merchant, payment, key)));
    const done = answers.filter((a) => a.status === 200);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const a of done) expect(a.body).toEqual(done[0]!.body);
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body.code).toBe("IDEMPOTENT_REQUEST_PROCESSING");
    expect((await confirm(merchant, payment, key)).body).toEqual(done[0]!.body);
  });

  it("a console flag goes to the request that claimed the key, never to a repeat that found it taken", async () => {
    const merchant = newMerchant();
    await setMerchant(merchant, { nextConfirm: "REJECT_CARD_COMPANY" });
    const payment = await authenticatedPayment(merchant);
    const key = `flag-${payment.orderId}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => confirm(merchant, payment, key)));
    const ran = answers.filter((a) => a.status !== 409);
    expect(ran.length).toBeGreaterThanOrEqual(1);
    // Had a repeat taken the flag, the request that ran would have approved the payment.
    for (const a of ran) expect(a.body.code).toBe("REJECT_CARD_COMPANY");
    const after = await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`);
    expect(after.body.status).toBe("ABORTED");
  });

  it("a cancel's answer, stored by the statement that cancels, replays exactly", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    expect((await confirm(merchant, payment)).status).toBe(200);
    const key = `cancel-${payment.orderId}`;
    const cancel = () =>
      tossApi(merchant, "POST", `/v1/payments/${payment.paymentKey}/cancel`, { body: { cancelReason: "부분 환불", cancelAmount: 1000 }, idempotencyKey: key });
    const first = await cancel();
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("PARTIAL_CANCELED");
    const repeat = await cancel();
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    // Nothing was refunded twice: the payment as Toss shows it now is the first answer.
    const now = await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`);
    expect(now.body.balanceAmount).toBe(first.body.balanceAmount);
    expect(now.body.cancels).toEqual(first.body.cancels);
  });
});
