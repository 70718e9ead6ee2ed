// Refunds from the app, cancels from Toss's dashboard (the sandbox console), and the clawback.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signedInBuyer } from "../../helpers/http";
import { balanceOf, confirmOverHttp, ledgerOf, orderRow, paidInWindow, spend } from "../../helpers/shop";
import { consoleApi, waitFor } from "../../helpers/toss-sandbox";

async function paidOrder(product = "PRO_PACK") {
  const buyer = await signedInBuyer();
  const { order, payment } = await paidInWindow(buyer, { product });
  expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
  return { buyer, order, payment };
}

describe("refunds", () => {
  it("refunds an unspent pack: Toss cancel, CANCELED and a negative entry, once", async () => {
    const { buyer, order, payment } = await paidOrder();
    const response = await buyer.client.postJson(`/api/orders/${order.orderId}/refund`, {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ order: { status: "CANCELED" } });
    expect(await balanceOf(buyer.userId)).toBe(0);
    expect((await ledgerOf(buyer.userId)).map((e) => [e.kind, e.amount])).toEqual([["GRANT", 3], ["REVERSAL", -3]]);
    const { tossApi } = await import("../../helpers/toss-sandbox");
    const { APP_MERCHANT } = await import("../../helpers/shop");
    expect((await tossApi(APP_MERCHANT, "GET", `/v1/payments/${payment.paymentKey}`)).body).toMatchObject({ status: "CANCELED" });

    const again = await buyer.client.postJson(`/api/orders/${order.orderId}/refund`, {});
    expect(again.status).toBe(409);
    expect(await balanceOf(buyer.userId)).toBe(0);
  });

  it("refuses to refund a pack whose credits were spent, and another user's order", async () => {
    const { buyer, order } = await paidOrder();
    const stranger = await signedInBuyer();
    expect((await stranger.client.postJson(`/api/orders/${order.orderId}/refund`, {})).status).toBe(404);
    await spend(buyer.userId, 1);
    const response = await buyer.client.postJson(`/api/orders/${order.orderId}/refund`, {});
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_REFUNDABLE" } });
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PAID" });
    expect(await balanceOf(buyer.userId)).toBe(2);
  });

  it("refuses garbage refund bodies", async () => {
    const { buyer, order } = await paidOrder();
    expect((await buyer.client.postJson(`/api/orders/${order.orderId}/refund`, "{oops")).status).toBe(400);
    expect((await buyer.client.postJson(`/api/orders/${order.orderId}/refund`, { refundReceiveAccount: { bank: "88", accountNumber: "12-34", holderName: "김" } })).status).toBe(400);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PAID" });
  });

  it("takes back what the pack has left when the payment is canceled in Toss's dashboard, the spent rest as a shortfall", async () => {
    const { buyer, order } = await paidOrder("PREMIUM_PACK");
    await spend(buyer.userId, 4);
    expect((await consoleApi("POST", `/payments/${order.orderId}/cancel`, { cancelReason: "대시보드 취소" })).status).toBe(200);
    await waitFor(async () => (await orderRow(order.orderId)).status === "CANCELED", 15_000);
    expect(await balanceOf(buyer.userId)).toBe(0);
    await expect(spend(buyer.userId, 1)).rejects.toMatchObject({ code: "INSUFFICIENT_CREDITS" });

    // The cancel's events again, out of order: nothing moves backwards, nothing is taken twice.
    await consoleApi("POST", `/payments/${order.orderId}/out-of-order`);
    await consoleApi("POST", `/payments/${order.orderId}/duplicate`);
    await waitFor(async () => (await db.tossWebhookReceipt.count({ where: { orderId: order.orderId, processedAt: { not: null } } })) >= 3, 15_000);
    expect((await orderRow(order.orderId)).status).toBe("CANCELED");
    const reversals = (await ledgerOf(buyer.userId)).filter((e) => e.kind === "REVERSAL");
    expect(reversals.map((r) => ({ amount: r.amount, shortfall: r.shortfall }))).toEqual([{ amount: -1, shortfall: 4 }]);
    expect(await balanceOf(buyer.userId)).toBe(0);
  });
});
