// Conformance: Idempotency-Key as Toss documents it (docs "멱등키 헤더", TOSS.md "Idempotency-Key").
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CLAIM_DEADLINE_MS } from "@/lib/toss-sandbox/idempotency";
import { authenticatedPayment, confirm, newMerchant, SANDBOX, setMerchant, tossApi, waitFor, type Merchant } from "../../helpers/toss-sandbox";

/**
 * The row a confirm's request leaves when its process dies between claiming its key and answering:
 * IN_FLIGHT, claimed `ageMs` ago (what the sandbox stores: the secret key's digest, never the key).
 */
async function claimLeftBehind(merchant: Merchant, key: string, ageMs: number) {
  await db.sandboxIdempotencyKey.create({
    data: {
      key,
      secretKeyHash: createHash("sha256").update(merchant.secretKey).digest("hex"),
      method: "POST",
      path: `${new URL(SANDBOX).pathname}/v1/payments/confirm`,
      createdAt: new Date(Date.now() - ageMs),
      expiresAt: new Date(Date.now() + 15 * 24 * 60 * 60_000),
    },
  });
}

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

  it("takes over a claim past its deadline (the request that made it died): the next request with the key runs the confirm", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const key = `abandoned-${payment.orderId}`;
    await claimLeftBehind(merchant, key, CLAIM_DEADLINE_MS + 1000);
    const retry = await confirm(merchant, payment, key);
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect(retry.body.status).toBe("DONE");
    // The key now holds that answer, as any key does.
    const replay = await confirm(merchant, payment, key);
    expect(replay.body).toEqual(retry.body);
    const rows = await db.sandboxIdempotencyKey.findMany({ where: { key } });
    expect(rows.map((r) => r.status)).toEqual(["DONE"]);
  });

  it("keeps a claim younger than its deadline: 409 IDEMPOTENT_REQUEST_PROCESSING, and nothing is done", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const key = `live-${payment.orderId}`;
    await claimLeftBehind(merchant, key, CLAIM_DEADLINE_MS - 5000);
    const repeat = await confirm(merchant, payment, key);
    expect(repeat.status).toBe(409);
    expect(repeat.body.code).toBe("IDEMPOTENT_REQUEST_PROCESSING");
    expect((await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`)).body.status).toBe("IN_PROGRESS");
  });

  it("runs the work once when many requests race for one abandoned claim: one approval, every other answer 409 or its replay", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const key = `abandoned-race-${payment.orderId}`;
    await claimLeftBehind(merchant, key, CLAIM_DEADLINE_MS + 1000);
    const answers = await Promise.all(Array.from({ length: 6 }, () => confirm(merchant, payment, key)));
    const approved = answers.filter((a) => a.status === 200);
    expect(approved.length).toBeGreaterThanOrEqual(1);
    // Every 200 is the one approval, replayed: the payment was approved once.
    for (const a of approved) expect(a.body).toEqual(approved[0]!.body);
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body.code).toBe("IDEMPOTENT_REQUEST_PROCESSING");
    expect(await db.sandboxIdempotencyKey.count({ where: { key } })).toBe(1);
  });

  it("stores a held answer at once: 409 until it is given, then the approval (what a repeat hears even if the holder died)", async () => {
    const merchant = newMerchant();
    await setMerchant(merchant, { nextConfirm: "timeout", delayMs: 2000 });
    const payment = await authenticatedPayment(merchant);
    const key = `held-${payment.orderId}`;
    const first = confirm(merchant, payment, key);
    await waitFor(async () => (await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`)).body.status === "DONE", 2000);
    // Approved and stored while the answer is held: the row is DONE, held until the answer is given.
    const [row] = await db.sandboxIdempotencyKey.findMany({ where: { key } });
    expect(row).toMatchObject({ status: "DONE", responseStatus: 200 });
    expect(row!.answerHeldUntil!.getTime()).toBeGreaterThan(Date.now());
    expect((await confirm(merchant, payment, key)).status).toBe(409);
    const done = await first;
    expect(JSON.parse(row!.responseBody!)).toEqual(done.body);
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
