// "미사용분만 환불": an operator refunds what a partly used pack has left, over HTTP through the sandbox.
// The server works out the won (ceil(remaining × price / credits), at most what Toss can still cancel)
// and the cancel takes back exactly the credits left, with no shortfall.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { paidOrder, requestId, signedInOperator } from "../../helpers/admin";
import { APP_MERCHANT, balanceOf, DEAD_WEBHOOK_URL, ledgerOf, orderRow, routePaymentWebhooks, spend } from "../../helpers/shop";
import { tossApi } from "../../helpers/toss-sandbox";

const lotOf = async (orderId: string) => db.creditLot.findUniqueOrThrow({ where: { orderId: (await orderRow(orderId)).id } });
const reversalsOf = async (userId: string) =>
  (await ledgerOf(userId)).filter((e) => e.kind === "REVERSAL").map((e) => ({ amount: e.amount, shortfall: e.shortfall }));
const tossPayment = async (paymentKey: string) =>
  (await tossApi(APP_MERCHANT, "GET", `/v1/payments/${paymentKey}`)).body as { status: string; balanceAmount: number; cancels: { cancelAmount: number }[] };
const refund = (client: Awaited<ReturnType<typeof signedInOperator>>["client"], orderId: string, body: Record<string, unknown>) =>
  client.postJson(`/api/admin/orders/${orderId}/refund`, { reason: "미사용분 환불 요청", requestId: requestId(), ...body });

describe("unused-only refund", () => {
  it("refunds ₩2,000 of a PRO pack (3 credits, ₩3,000) with 1 credit spent: the 2 left come back, no shortfall", async () => {
    const { buyer, orderId, paymentKey } = await paidOrder("PRO_PACK");
    const operator = await signedInOperator();
    await spend(buyer.userId, 1);

    const id = requestId();
    const response = await refund(operator.client, orderId, { requestId: id, unusedOnly: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ order: { status: "PARTIAL_CANCELED" } });
    const payment = await tossPayment(paymentKey);
    expect(payment).toMatchObject({ status: "PARTIAL_CANCELED", balanceAmount: 1000 });
    expect(payment.cancels.map((c) => c.cancelAmount)).toEqual([2000]);
    expect(await lotOf(orderId)).toMatchObject({ amount: 3, remaining: 0 });
    expect(await reversalsOf(buyer.userId)).toEqual([{ amount: -2, shortfall: 0 }]);
    expect(await balanceOf(buyer.userId)).toBe(0);
    expect(await orderRow(orderId)).toMatchObject({ status: "PARTIAL_CANCELED" });
    const [requested] = await db.paymentEvent.findMany({ where: { order: { orderId }, type: "REFUND_REQUESTED" } });
    expect(requested!.payload).toMatchObject({ kind: "unused", unusedOnly: true, cancelAmount: 2000, expected: { credits: 2, shortfall: 0, cancelable: 3000 } });

    // The same request again (its answer lost): the same cancel, answered by Toss once more; nothing twice.
    const retried = await refund(operator.client, orderId, { requestId: id, unusedOnly: true });
    expect(retried.status).toBe(200);
    expect((await tossPayment(paymentKey)).cancels).toHaveLength(1);
    expect(await reversalsOf(buyer.userId)).toEqual([{ amount: -2, shortfall: 0 }]);

    // Nothing left unused: 409, nothing sent to Toss.
    const nothing = await refund(operator.client, orderId, { unusedOnly: true });
    expect(nothing.status).toBe(409);
    expect(await nothing.json()).toMatchObject({ error: { code: "NO_UNUSED_CREDITS" } });
    expect(await tossPayment(paymentKey)).toMatchObject({ balanceAmount: 1000 });
  });

  it("after an earlier partial refund: the unused credits' price, and at most what is left to cancel", async () => {
    // PREMIUM (5 credits, ₩5,000): ₩1,500 refunded takes 1 credit; 1 spent; the 3 left cost ₩3,000.
    const premium = await paidOrder("PREMIUM_PACK");
    const operator = await signedInOperator();
    expect((await refund(operator.client, premium.orderId, { amount: 1500 })).status).toBe(200);
    await spend(premium.buyer.userId, 1);
    expect((await refund(operator.client, premium.orderId, { unusedOnly: true })).status).toBe(200);
    expect((await tossPayment(premium.paymentKey)).cancels.map((c) => c.cancelAmount)).toEqual([1500, 3000]);
    expect(await lotOf(premium.orderId)).toMatchObject({ remaining: 0 });
    expect(await reversalsOf(premium.buyer.userId)).toEqual([{ amount: -1, shortfall: 0 }, { amount: -3, shortfall: 0 }]);
    expect(await orderRow(premium.orderId)).toMatchObject({ status: "PARTIAL_CANCELED" });

    // PRO (3, ₩3,000): ₩1,500 refunded takes 1 credit; the 2 left would cost ₩2,000 but only ₩1,500 can
    // still be canceled: that closes the payment, and takes the 2.
    const pro = await paidOrder("PRO_PACK");
    expect((await refund(operator.client, pro.orderId, { amount: 1500 })).status).toBe(200);
    expect((await refund(operator.client, pro.orderId, { unusedOnly: true })).status).toBe(200);
    expect(await tossPayment(pro.paymentKey)).toMatchObject({ status: "CANCELED", balanceAmount: 0 });
    expect((await tossPayment(pro.paymentKey)).cancels.map((c) => c.cancelAmount)).toEqual([1500, 1500]);
    expect(await reversalsOf(pro.buyer.userId)).toEqual([{ amount: -1, shortfall: 0 }, { amount: -2, shortfall: 0 }]);
    expect(await orderRow(pro.orderId)).toMatchObject({ status: "CANCELED" });
    expect(await balanceOf(pro.buyer.userId)).toBe(0);
  });

  it("an untouched pack is refunded whole; a pack whose credits expired has nothing unused", async () => {
    const whole = await paidOrder("PRO_PACK");
    const operator = await signedInOperator();
    expect((await refund(operator.client, whole.orderId, { unusedOnly: true })).status).toBe(200);
    expect(await tossPayment(whole.paymentKey)).toMatchObject({ status: "CANCELED" });
    expect(await reversalsOf(whole.buyer.userId)).toEqual([{ amount: -3, shortfall: 0 }]);

    const lapsed = await paidOrder("PRO_PACK");
    await db.creditLot.update({ where: { id: (await lotOf(lapsed.orderId)).id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const refused = await refund(operator.client, lapsed.orderId, { unusedOnly: true });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: "NO_UNUSED_CREDITS", message: expect.stringContaining("유효기간") } });
    expect(await tossPayment(lapsed.paymentKey)).toMatchObject({ status: "DONE" });
  });

  it("picks up a cancel made at Toss that the shop has not heard of before working out the amount", async () => {
    // A ₩1,000 cancel in Toss's dashboard (its webhook kept away): the lot still says 3 until settled.
    const { buyer, orderId, paymentKey } = await paidOrder("PRO_PACK");
    const operator = await signedInOperator();
    await routePaymentWebhooks(orderId, DEAD_WEBHOOK_URL);
    const canceled = await tossApi(APP_MERCHANT, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "대시보드 취소", cancelAmount: 1000 } });
    expect(canceled.status).toBe(200);
    expect(await lotOf(orderId)).toMatchObject({ remaining: 3 });
    await spend(buyer.userId, 1);

    // Settled first: the dashboard's cancel took 1, 1 was spent, 1 is left: ₩1,000, not ₩2,000.
    expect((await refund(operator.client, orderId, { unusedOnly: true })).status).toBe(200);
    expect((await tossPayment(paymentKey)).cancels.map((c) => c.cancelAmount)).toEqual([1000, 1000]);
    expect(await reversalsOf(buyer.userId)).toEqual([{ amount: -1, shortfall: 0 }, { amount: -1, shortfall: 0 }]);
    expect(await lotOf(orderId)).toMatchObject({ remaining: 0 });
    expect(await orderRow(orderId)).toMatchObject({ status: "PARTIAL_CANCELED" });
  });
});
