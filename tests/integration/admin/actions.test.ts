// Operator actions over HTTP through the sandbox: refunds (full, partial, credits used: refused or with a
// shortfall), Toss에서 다시 확인, a manual adjustment — each with the right ledger entries and lots, and
// recorded with operator and reason. The unused-only refund: unused-refund.test.ts; bonuses: bonus.test.ts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { TEST_OPERATOR } from "../../../scripts/lib/test-env";
import { paidOrder, requestId, signedInOperator } from "../../helpers/admin";
import { APP_MERCHANT, balanceOf, ledgerOf, orderRow, spend } from "../../helpers/shop";
import { tossApi } from "../../helpers/toss-sandbox";

async function eventsOf(orderId: string, type: string) {
  return db.paymentEvent.findMany({ where: { order: { orderId }, type }, orderBy: { createdAt: "asc" } });
}

const entries = async (userId: string) => (await ledgerOf(userId)).map((e) => [e.kind, e.amount]);

describe("admin refunds", () => {
  it("refunds a paid pack in full: Toss cancels, CANCELED, −3 credits, the reason recorded", async () => {
    const { buyer, orderId, paymentKey } = await paidOrder();
    const operator = await signedInOperator();
    const response = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "구매자 전화 요청", requestId: requestId() });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ order: { status: "CANCELED" } });
    expect((await tossApi(APP_MERCHANT, "GET", `/v1/payments/${paymentKey}`)).body).toMatchObject({ status: "CANCELED", balanceAmount: 0 });
    expect(await entries(buyer.userId)).toEqual([["GRANT", 3], ["REVERSAL", -3]]);
    expect(await balanceOf(buyer.userId)).toBe(0);
    const [requested] = await eventsOf(orderId, "REFUND_REQUESTED");
    expect(requested!.payload).toMatchObject({ source: "operator", kind: "full", operator: TEST_OPERATOR, reason: "구매자 전화 요청" });
    expect(requested!.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

    // Nothing left to refund.
    const again = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "다시", requestId: requestId() });
    expect(again.status).toBe(409);
    expect(await balanceOf(buyer.userId)).toBe(0);
  });

  it("refuses a refund without a reason, and one that takes back used credits unless the operator accepts the shortfall", async () => {
    const { buyer, orderId } = await paidOrder("PREMIUM_PACK");
    const operator = await signedInOperator();
    const noReason = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: " ", requestId: requestId() });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", fieldErrors: { reason: [expect.any(String)] } } });

    await spend(buyer.userId, 2);
    const refused = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "환불 요청", requestId: requestId() });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error).toMatchObject({ code: "CREDITS_SPENT", details: { remaining: 3, amount: 5, credits: 5, shortfall: 2 } });
    expect(body.error.message).toContain("5개 중 3개 남음");
    expect(body.error.message).toContain("부족분");
    expect(await orderRow(orderId)).toMatchObject({ status: "PAID" });
    expect(await eventsOf(orderId, "REFUND_REQUESTED")).toHaveLength(0);
    expect(await balanceOf(buyer.userId)).toBe(3);

    const accepted = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, {
      reason: "환불 요청, 사용분 감수",
      requestId: requestId(),
      allowNegativeBalance: true,
    });
    expect(accepted.status).toBe(200);
    expect(await orderRow(orderId)).toMatchObject({ status: "CANCELED" });
    // The lot gives what it has; the 2 credits used are recorded as the reversal's shortfall, never a negative balance.
    expect(await balanceOf(buyer.userId)).toBe(0);
    const reversal = (await ledgerOf(buyer.userId)).find((e) => e.kind === "REVERSAL");
    expect(reversal).toMatchObject({ amount: -3, shortfall: 2 });
    expect(await db.creditLot.findUnique({ where: { orderId: (await orderRow(orderId)).id } })).toMatchObject({ amount: 5, remaining: 0 });
    expect((await eventsOf(orderId, "REFUND_REQUESTED"))[0]!.payload).toMatchObject({
      allowNegativeBalance: true,
      reason: "환불 요청, 사용분 감수",
      expected: { credits: 5, shortfall: 2 },
    });
    // The console shows it.
    const page = await (await operator.client.fetch(`/admin/orders/${orderId}`)).text();
    expect(page).toContain("부족분 2개: 이미 사용됨");
  });

  it("refunds part of a payment: credits in proportion, once per request, and a second partial refund adds up", async () => {
    const { buyer, orderId, paymentKey } = await paidOrder("PREMIUM_PACK"); // ₩5,000, 5 credits
    const operator = await signedInOperator();
    const first = requestId();
    const response = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "일부 환불", requestId: first, amount: 2000 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ order: { status: "PARTIAL_CANCELED" } });
    expect(await entries(buyer.userId)).toEqual([["GRANT", 5], ["REVERSAL", -2]]);

    // The same request again (a retry): Toss replays its answer for the same Idempotency-Key; nothing twice.
    const retried = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "일부 환불", requestId: first, amount: 2000 });
    expect(retried.status).toBe(200);
    expect((await tossApi(APP_MERCHANT, "GET", `/v1/payments/${paymentKey}`)).body).toMatchObject({ status: "PARTIAL_CANCELED", balanceAmount: 3000 });
    expect(await entries(buyer.userId)).toEqual([["GRANT", 5], ["REVERSAL", -2]]);

    // A new request is a new cancel: ₩1,000 takes one more credit.
    const second = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "추가 환불", requestId: requestId(), amount: 1000 });
    expect(second.status).toBe(200);
    expect((await tossApi(APP_MERCHANT, "GET", `/v1/payments/${paymentKey}`)).body).toMatchObject({ balanceAmount: 2000 });
    expect(await entries(buyer.userId)).toEqual([["GRANT", 5], ["REVERSAL", -2], ["REVERSAL", -1]]);
    expect(await balanceOf(buyer.userId)).toBe(2);
    const reasons = (await eventsOf(orderId, "REFUND_REQUESTED")).map((e) => (e.payload as { reason: string; cancelAmount: number }));
    expect(reasons.map((p) => [p.reason, p.cancelAmount])).toEqual([["일부 환불", 2000], ["일부 환불", 2000], ["추가 환불", 1000]]);

    // More than the payment: refused before Toss.
    const tooMuch = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "과다", requestId: requestId(), amount: 6000 });
    expect(tooMuch.status).toBe(409);
    // Not an integer number of won; an amount with "unused only", which works out its own.
    expect((await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "소수", requestId: requestId(), amount: 10.5 })).status).toBe(400);
    const both = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "둘 다", requestId: requestId(), amount: 1000, unusedOnly: true });
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", fieldErrors: { amount: [expect.any(String)] } } });
    // A request id used for another refund: refused, not replayed.
    const reused = await operator.client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "다른 금액", requestId: first, amount: 500 });
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ error: { code: "REQUEST_ID_REUSED" } });
    expect((await tossApi(APP_MERCHANT, "GET", `/v1/payments/${paymentKey}`)).body).toMatchObject({ balanceAmount: 2000 });
  });
});

describe("Toss에서 다시 확인", () => {
  it("settles the order from Toss now and records who asked and why", async () => {
    const { buyer, orderId } = await paidOrder();
    const operator = await signedInOperator();
    const response = await operator.client.postJson(`/api/admin/orders/${orderId}/resync`, { reason: "구매자 문의: 크레딧 미지급" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ before: "PAID", after: "PAID", tossStatus: "DONE" });
    const [event] = await eventsOf(orderId, "ADMIN_RESYNC_REQUESTED");
    expect(event!.payload).toMatchObject({ operator: TEST_OPERATOR, reason: "구매자 문의: 크레딧 미지급" });
    // Settled from Toss by the console (the payment's own webhook may have settled it once more, unchanged).
    const settled = (await eventsOf(orderId, "SETTLE_STATUS_UNCHANGED")).filter((e) => (e.payload as { source?: string }).source === "operator");
    expect(settled).toHaveLength(1);
    expect(await balanceOf(buyer.userId)).toBe(3);
    expect((await operator.client.postJson(`/api/admin/orders/${orderId}/resync`, {})).status).toBe(400);
  });
});

describe("manual credit adjustment", () => {
  it("adds a lot and draws credits as ADJUSTMENT entries, once per request, never below zero, recorded with the reason", async () => {
    const { buyer, orderId } = await paidOrder();
    const operator = await signedInOperator();
    const plus = requestId();
    const first = await operator.client.postJson(`/api/admin/orders/${orderId}/credits`, { reason: "장애 보상", requestId: plus, delta: 2 });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ applied: true, balance: 5 });
    const retried = await operator.client.postJson(`/api/admin/orders/${orderId}/credits`, { reason: "장애 보상", requestId: plus, delta: 2 });
    expect(await retried.json()).toEqual({ applied: false, balance: 5 });
    expect(await db.creditLot.findUnique({ where: { grantKey: `admin-adjust-${plus}` } })).toMatchObject({ source: "ADJUSTMENT", amount: 2, remaining: 2 });

    // More than the buyer has: refused, nothing changed, nothing recorded.
    const tooMuch = await operator.client.postJson(`/api/admin/orders/${orderId}/credits`, { reason: "중복 지급 회수", requestId: requestId(), delta: -6 });
    expect(tooMuch.status).toBe(409);
    expect(await tooMuch.json()).toMatchObject({ error: { code: "INSUFFICIENT_CREDITS", details: { balance: 5, required: 6 } } });
    expect(await balanceOf(buyer.userId)).toBe(5);
    expect(await eventsOf(orderId, "ADMIN_CREDITS_ADJUSTED")).toHaveLength(1);

    const minus = await operator.client.postJson(`/api/admin/orders/${orderId}/credits`, { reason: "중복 지급 회수", requestId: requestId(), delta: -4 });
    expect(await minus.json()).toEqual({ applied: true, balance: 1 });
    // Drawn like a spend: the pack first (it expires first), then the adjustment's own lot.
    const ledger = await ledgerOf(buyer.userId);
    expect(ledger.filter((e) => e.kind !== "ADJUSTMENT" || e.amount > 0).map((e) => [e.kind, e.amount])).toEqual([["GRANT", 3], ["ADJUSTMENT", 2]]);
    expect(ledger.filter((e) => e.kind === "ADJUSTMENT" && e.amount < 0).map((e) => e.amount).sort((a, b) => a - b)).toEqual([-3, -1]);
    // The buyer sees "운영자 조정", never the operator's note.
    expect(new Set(ledger.filter((e) => e.kind === "ADJUSTMENT").map((e) => e.reason))).toEqual(new Set(["운영자 조정"]));
    const events = await eventsOf(orderId, "ADMIN_CREDITS_ADJUSTED");
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ operator: TEST_OPERATOR, reason: "장애 보상", delta: 2 }),
      expect.objectContaining({ operator: TEST_OPERATOR, reason: "중복 지급 회수", delta: -4 }),
    ]);

    for (const bad of [{ reason: "영", requestId: requestId(), delta: 0 }, { reason: "x", requestId: requestId(), delta: 1 }, { reason: "정상 사유", requestId: "not-a-uuid", delta: 1 }]) {
      expect((await operator.client.postJson(`/api/admin/orders/${orderId}/credits`, bad)).status).toBe(400);
    }
    expect(await balanceOf(buyer.userId)).toBe(1);
  });
});
