// Reconciliation: a Toss timeout settled with nobody returning, abandoned orders and overdue accounts.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reconcile } from "@/lib/payments/reconcile";
import { signedInBuyer } from "../../helpers/http";
import { APP_MERCHANT, balanceOf, confirmOverHttp, forceNextConfirm, orderRow, paidInWindow, placeOrder } from "../../helpers/shop";
import { consoleApi, setMerchant, tossApi, waitFor } from "../../helpers/toss-sandbox";

const DEAD_WEBHOOK_URL = "http://127.0.0.1:9/webhooks/toss";

afterEach(async () => {
  await setMerchant(APP_MERCHANT, { webhookUrl: "" });
});

const later = (ms: number) => new Date(Date.now() + ms);

describe("reconcile", () => {
  it("settles a confirm whose answer never came, with nobody coming back", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    await forceNextConfirm(order.orderId, "timeout", 12_000);
    // Toss's webhook does not reach us either: only reconciliation can settle the order.
    await setMerchant(APP_MERCHANT, { webhookUrl: DEAD_WEBHOOK_URL });
    expect((await confirmOverHttp(buyer, payment)).status).toBe(202);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PENDING" });

    await waitFor(async () => {
      await reconcile(later(60_000));
      return (await orderRow(order.orderId)).status === "PAID";
    }, 30_000, 1000);
    expect(await balanceOf(buyer.userId)).toBe(3);
    // Reconciling again, and concurrently, changes nothing.
    await Promise.all([reconcile(later(60_000)), reconcile(later(60_000))]);
    expect(await balanceOf(buyer.userId)).toBe(3);
  }, 45_000);

  it("settles a virtual account whose confirm answer was lost, when the deposit arrives", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer, { methodKey: "VIRTUAL_ACCOUNT" });
    await forceNextConfirm(order.orderId, "timeout", 12_000);
    // Neither the confirm's answer nor the account-issued webhooks reach us: no secret is stored.
    await setMerchant(APP_MERCHANT, { webhookUrl: DEAD_WEBHOOK_URL });
    expect((await confirmOverHttp(buyer, payment)).status).toBe(202);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PENDING", depositSecret: null });
    await setMerchant(APP_MERCHANT, { webhookUrl: "" });
    // Wait until Toss's side has approved it (the sandbox finishes its slow confirm).
    await waitFor(async () => ((await consoleApi("POST", `/payments/${order.orderId}/deposit`)).status === 200 ? true : undefined), 20_000, 1000);
    // The deposit webhooks find no stored secret: the order is settled from Toss's state instead.
    await waitFor(async () => (await orderRow(order.orderId)).status === "PAID", 20_000, 500);
    expect(await balanceOf(buyer.userId)).toBe(3);
  }, 45_000);

  it("expires orders left unpaid past Toss's windows, once", async () => {
    const buyer = await signedInBuyer();
    const { orderId } = await placeOrder(buyer);
    await db.order.update({ where: { orderId }, data: { createdAt: new Date(Date.now() - 41 * 60_000) } });
    const report = await reconcile();
    expect(report.pendingExpired).toBeGreaterThanOrEqual(1);
    const row = await orderRow(orderId);
    expect(row.status).toBe("EXPIRED");
    expect(await db.paymentEvent.count({ where: { orderId: row.id, type: "SETTLE_EXPIRED" } })).toBe(1);
    await reconcile();
    expect(await db.paymentEvent.count({ where: { orderId: row.id, type: "SETTLE_EXPIRED" } })).toBe(1);
  });

  it("keeps a fresh unpaid order open", async () => {
    const buyer = await signedInBuyer();
    const { orderId } = await placeOrder(buyer);
    await reconcile();
    expect((await orderRow(orderId)).status).toBe("PENDING");
  });

  it("expires a virtual account past its due date (Toss sends nothing), and settles a missed deposit", async () => {
    const buyer = await signedInBuyer();
    const overdue = await paidInWindow(buyer, { methodKey: "VIRTUAL_ACCOUNT" });
    const missed = await paidInWindow(buyer, { methodKey: "VIRTUAL_ACCOUNT" });
    for (const { payment } of [overdue, missed]) expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    await db.order.update({ where: { orderId: overdue.order.orderId }, data: { virtualAccountDueDate: new Date(Date.now() - 60_000) } });
    // A deposit whose webhooks never reach us: point the merchant's webhook URL at a closed port.
    await setMerchant(APP_MERCHANT, { webhookUrl: DEAD_WEBHOOK_URL });
    try {
      expect((await consoleApi("POST", `/payments/${missed.order.orderId}/deposit`)).status).toBe(200);
      expect((await orderRow(missed.order.orderId)).status).toBe("WAITING_FOR_DEPOSIT");
      const report = await reconcile();
      expect(report.depositsSettled).toBeGreaterThanOrEqual(1);
      expect(report.virtualAccountsExpired).toBeGreaterThanOrEqual(1);
    } finally {
      await setMerchant(APP_MERCHANT, { webhookUrl: "" });
    }
    expect((await orderRow(overdue.order.orderId)).status).toBe("EXPIRED");
    expect((await orderRow(missed.order.orderId)).status).toBe("PAID");
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("cancels a paid order whose refund reached Toss but whose answer and webhook never came back", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    const row = await orderRow(order.orderId);
    // What refundOrder records before calling Toss; then Toss cancels, and nothing reaches us.
    await db.paymentEvent.create({ data: { orderId: row.id, paymentKey: payment.paymentKey, type: "REFUND_REQUESTED" } });
    await setMerchant(APP_MERCHANT, { webhookUrl: DEAD_WEBHOOK_URL });
    const canceled = await tossApi(APP_MERCHANT, "POST", `/v1/payments/${payment.paymentKey}/cancel`, {
      body: { cancelReason: "구매자 요청 환불" },
      idempotencyKey: `refund-${order.orderId}`,
    });
    expect(canceled.status).toBe(200);
    expect((await orderRow(order.orderId)).status).toBe("PAID");
    expect(await balanceOf(buyer.userId)).toBe(3);

    const report = await reconcile();
    expect(report.refundsSettled).toBeGreaterThanOrEqual(1);
    expect((await orderRow(order.orderId)).status).toBe("CANCELED");
    expect(await balanceOf(buyer.userId)).toBe(0);
    await reconcile();
    expect(await balanceOf(buyer.userId)).toBe(0);
  });
});
