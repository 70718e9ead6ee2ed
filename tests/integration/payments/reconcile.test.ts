// Reconciliation: a Toss timeout settled with nobody returning, abandoned orders and overdue accounts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reconcile, type ReconcileReport } from "@/lib/payments/reconcile";
import { newOrderId } from "@/lib/ids";
import { signedInBuyer } from "../../helpers/http";
import { APP_MERCHANT, balanceOf, confirmOverHttp, DEAD_WEBHOOK_URL, forceNextConfirm, orderRow, paidInWindow, placeOrder, routePaymentWebhooks } from "../../helpers/shop";
import { consoleApi, tossApi, waitFor } from "../../helpers/toss-sandbox";
import { oneReconcilingFileAtATime } from "../../helpers/one-reconciling-file";

oneReconcilingFileAtATime();

const later = (ms: number) => new Date(Date.now() + ms);

/**
 * Runs reconciliation until `done` (at most 40 runs: 2,000 orders per step), returning each run's report.
 * Other test files reconcile at the same time, and a run skips the orders another run holds (SKIP
 * LOCKED): which run settles an order is theirs to decide, so tests wait for the order, not a report.
 */
async function reconcileUntil(done: () => Promise<boolean>) {
  const reports: ReconcileReport[] = [];
  for (let run = 0; run < 40 && !(await done()); run++) reports.push(await reconcile());
  expect(await done()).toBe(true);
  return reports;
}

describe("reconcile", () => {
  it("settles a confirm whose answer never came, with nobody coming back", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    await forceNextConfirm(order.orderId, "timeout", 12_000);
    // Toss's webhook does not reach us either: only reconciliation can settle the order.
    await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
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
    await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
    expect((await confirmOverHttp(buyer, payment)).status).toBe(202);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PENDING", depositSecret: null });
    await routePaymentWebhooks(order.orderId, "");
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
    await reconcile();
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
    // No webhook reaches us, from the accounts' issue on: point the merchant's webhook URL at a closed
    // port. (An issue webhook still in flight at the deposit would be re-fetched and see it paid.)
    for (const { order } of [overdue, missed]) await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
    {
      for (const { payment } of [overdue, missed]) expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
      await db.order.update({ where: { orderId: overdue.order.orderId }, data: { virtualAccountDueDate: new Date(Date.now() - 60_000) } });
      expect((await consoleApi("POST", `/payments/${missed.order.orderId}/deposit`)).status).toBe(200);
      expect((await orderRow(missed.order.orderId)).status).toBe("WAITING_FOR_DEPOSIT");
      // Each run takes 50 waiting accounts, least recently asked first: earlier tests' may come first.
      await reconcileUntil(async () => (await orderRow(missed.order.orderId)).status === "PAID" && (await orderRow(overdue.order.orderId)).status === "EXPIRED");
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
    await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
    const canceled = await tossApi(APP_MERCHANT, "POST", `/v1/payments/${payment.paymentKey}/cancel`, {
      body: { cancelReason: "구매자 요청 환불" },
      idempotencyKey: `refund-${order.orderId}`,
    });
    expect(canceled.status).toBe(200);
    expect((await orderRow(order.orderId)).status).toBe("PAID");
    expect(await balanceOf(buyer.userId)).toBe(3);

    await reconcileUntil(async () => (await orderRow(order.orderId)).status === "CANCELED");
    expect(await balanceOf(buyer.userId)).toBe(0);
    await reconcile();
    expect(await balanceOf(buyer.userId)).toBe(0);
  });

  it("a missed deposit is settled even behind more than a batch of accounts that stay unresolved", async () => {
    const buyer = await signedInBuyer();
    // 60 accounts due before ours that Toss has never heard of: every run finds them still waiting.
    // Taken by due date alone, they would fill every batch of 50 and ours would never be asked about.
    const stuck = Array.from({ length: 60 }, (_, i) => ({
      orderId: newOrderId(),
      userId: buyer.userId,
      productCode: "PRO_PACK",
      orderName: "프로 팩 (크레딧 3개)",
      amount: 3000,
      credits: 3,
      status: "WAITING_FOR_DEPOSIT" as const,
      paymentKey: `tsbx_unknown_${newOrderId()}`,
      virtualAccountDueDate: new Date(Date.now() + 60 * 60_000 + i * 1000),
    }));
    await db.order.createMany({ data: stuck });
    const missed = await paidInWindow(buyer, { methodKey: "VIRTUAL_ACCOUNT" });
    await routePaymentWebhooks(missed.order.orderId, DEAD_WEBHOOK_URL);
    try {
      expect((await confirmOverHttp(buyer, missed.payment)).status).toBe(200);
      expect((await consoleApi("POST", `/payments/${missed.order.orderId}/deposit`)).status).toBe(200);
      await reconcileUntil(async () => (await orderRow(missed.order.orderId)).status === "PAID");
      expect(await balanceOf(buyer.userId)).toBe(3);
      // The stuck ones were each asked about, and are still waiting (Toss has nothing for them).
      const after = await db.order.findMany({ where: { orderId: { in: stuck.map((o) => o.orderId) } } });
      expect(after.every((o) => o.status === "WAITING_FOR_DEPOSIT")).toBe(true);
      expect(after.filter((o) => o.reconciledAt !== null).length).toBeGreaterThanOrEqual(50);
    } finally {
      await db.order.deleteMany({ where: { orderId: { in: stuck.map((o) => o.orderId) } } });
    }
  });
});
