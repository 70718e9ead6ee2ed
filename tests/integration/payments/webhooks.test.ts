// Webhooks over real HTTP: the sandbox's own deliveries, and forged, duplicate and out-of-order ones.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Client, signedInBuyer } from "../../helpers/http";
import { balanceOf, confirmOverHttp, ledgerOf, orderRow, paidInWindow } from "../../helpers/shop";
import { consoleApi, waitFor } from "../../helpers/toss-sandbox";

const webhook = (body: unknown, transmissionId = `whtrans_${randomUUID()}`) =>
  new Client().postJson("/api/webhooks/toss", body, {
    "tosspayments-webhook-transmission-id": transmissionId,
    "tosspayments-webhook-transmission-retried-count": "0",
    "tosspayments-webhook-transmission-time": new Date().toISOString(),
  });

const statusChanged = (paymentKey: string, orderId: string, status: string) => ({
  eventType: "PAYMENT_STATUS_CHANGED",
  createdAt: "2026-11-21T12:00:00.000000",
  data: { paymentKey, orderId, status, totalAmount: 3000 },
});

async function waitingVirtualAccount() {
  const buyer = await signedInBuyer();
  const { order, payment } = await paidInWindow(buyer, { methodKey: "VIRTUAL_ACCOUNT" });
  const response = await confirmOverHttp(buyer, payment);
  expect(response.status).toBe(200);
  return { buyer, order, payment };
}

describe("virtual account (가상계좌)", () => {
  it("waits for the deposit with the account stored, then the deposit grants once", async () => {
    const { buyer, order } = await waitingVirtualAccount();
    const waiting = await orderRow(order.orderId);
    expect(waiting).toMatchObject({ status: "WAITING_FOR_DEPOSIT", method: "가상계좌" });
    expect(waiting.virtualAccountNumber).toMatch(/^X/);
    expect(waiting.virtualAccountBank).toBeTruthy();
    expect(waiting.virtualAccountDueDate).toBeInstanceOf(Date);
    expect(waiting.depositSecret).toBeTruthy();
    expect(await balanceOf(buyer.userId)).toBe(0);

    expect((await consoleApi("POST", `/payments/${order.orderId}/deposit`)).status).toBe(200);
    await waitFor(async () => (await orderRow(order.orderId)).status === "PAID", 15_000);
    expect(await balanceOf(buyer.userId)).toBe(3);

    // Both events arrive (PAYMENT_STATUS_CHANGED and DEPOSIT_CALLBACK); then a duplicate and an
    // out-of-order pair: still one grant.
    await consoleApi("POST", `/payments/${order.orderId}/duplicate`);
    await consoleApi("POST", `/payments/${order.orderId}/out-of-order`);
    await waitFor(async () => (await db.tossWebhookReceipt.count({ where: { orderId: order.orderId, processedAt: { not: null } } })) >= 2, 15_000);
    expect(await balanceOf(buyer.userId)).toBe(3);
    expect((await ledgerOf(buyer.userId)).filter((e) => e.kind === "GRANT")).toHaveLength(1);
    expect((await orderRow(order.orderId)).status).toBe("PAID");
  });

  it("refuses a deposit callback with a wrong secret and changes nothing", async () => {
    const { buyer, order } = await waitingVirtualAccount();
    const forged = await webhook({ createdAt: "2026-11-21T12:00:00.000000", secret: "not-the-secret", status: "DONE", transactionKey: "tx_forged", orderId: order.orderId });
    expect(forged.status).toBe(403);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "WAITING_FOR_DEPOSIT" });
    expect(await balanceOf(buyer.userId)).toBe(0);
  });

  it("with the right secret, still acts on Toss's state: a callback saying DONE before the deposit grants nothing", async () => {
    const { buyer, order } = await waitingVirtualAccount();
    const { depositSecret } = await orderRow(order.orderId);
    const early = await webhook({ createdAt: "2026-11-21T12:00:00.000000", secret: depositSecret, status: "DONE", transactionKey: "tx_early", orderId: order.orderId });
    expect(early.status).toBe(200);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "WAITING_FOR_DEPOSIT" });
    expect(await balanceOf(buyer.userId)).toBe(0);
  });
});

describe("forged and repeated webhooks", () => {
  it("a body claiming DONE for an unpaid order changes nothing (Toss is asked)", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    const response = await webhook(statusChanged(payment.paymentKey, order.orderId, "DONE"));
    expect(response.status).toBe(200);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PENDING" });
    expect(await balanceOf(buyer.userId)).toBe(0);
  });

  it("a paymentKey Toss does not know is answered 200 and ignored", async () => {
    const response = await webhook(statusChanged(`tgen_${randomUUID()}`, "ord_unknown_123", "DONE"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "UNKNOWN_ORDER" });
  });

  it("dedupes on the transmission id", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    await confirmOverHttp(buyer, payment);
    const id = `whtrans_${randomUUID()}`;
    const first = await webhook(statusChanged(payment.paymentKey, order.orderId, "DONE"), id);
    const second = await webhook(statusChanged(payment.paymentKey, order.orderId, "DONE"), id);
    expect(first.status).toBe(200);
    expect(await second.json()).toMatchObject({ outcome: "DUPLICATE" });
  });

  it("news our confirm already settled is acknowledged without asking Toss: receipt and audit row, nothing else", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    const id = `whtrans_${randomUUID()}`;
    const first = await webhook(statusChanged(payment.paymentKey, order.orderId, "DONE"), id);
    expect(await first.json()).toMatchObject({ ok: true, outcome: "UNCHANGED" });
    expect(await db.tossWebhookReceipt.findUnique({ where: { transmissionId: id } })).toMatchObject({
      outcome: "UNCHANGED",
      orderId: order.orderId,
      processedAt: expect.any(Date),
    });
    const row = await orderRow(order.orderId);
    const events = await db.paymentEvent.findMany({ where: { orderId: row.id, type: "WEBHOOK_ALREADY_SETTLED" } });
    expect(events.map((e) => e.payload)).toContainEqual({ source: "webhook", transmissionId: id });
    // The same delivery again: a duplicate, and no second audit row for it.
    expect(await (await webhook(statusChanged(payment.paymentKey, order.orderId, "DONE"), id)).json()).toMatchObject({ outcome: "DUPLICATE" });
    const again = await db.paymentEvent.findMany({ where: { orderId: row.id, type: "WEBHOOK_ALREADY_SETTLED" } });
    expect(again.filter((e) => (e.payload as { transmissionId?: string }).transmissionId === id)).toHaveLength(1);
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("a DONE body naming another paymentKey for a paid order is not taken as settled: Toss is asked", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    const response = await webhook(statusChanged(`tgen_${randomUUID()}`, order.orderId, "DONE"));
    expect(await response.json()).toMatchObject({ ok: true, outcome: "UNKNOWN_ORDER" });
    const row = await orderRow(order.orderId);
    expect(row).toMatchObject({ status: "PAID", paymentKey: payment.paymentKey });
    expect(await db.paymentEvent.count({ where: { orderId: row.id, type: "WEBHOOK_ALREADY_SETTLED", paymentKey: { not: payment.paymentKey } } })).toBe(0);
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("a late DONE body for an order refunded since asks Toss, and the refund stands", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    expect((await buyer.client.postJson(`/api/orders/${order.orderId}/refund`, {})).status).toBe(200);
    expect((await orderRow(order.orderId)).status).toBe("CANCELED");
    const before = await db.paymentEvent.count({ where: { orderId: (await orderRow(order.orderId)).id, type: "WEBHOOK_ALREADY_SETTLED" } });
    const response = await webhook(statusChanged(payment.paymentKey, order.orderId, "DONE"));
    expect(await response.json()).toMatchObject({ ok: true, outcome: "UNCHANGED" });
    const row = await orderRow(order.orderId);
    expect(row.status).toBe("CANCELED");
    expect(await db.paymentEvent.count({ where: { orderId: row.id, type: "WEBHOOK_ALREADY_SETTLED" } })).toBe(before);
    expect(await balanceOf(buyer.userId)).toBe(0);
  });

  it("grants exactly once per order when dozens of confirms and webhooks race (16 orders × 10 requests)", async () => {
    const buyers = await Promise.all(Array.from({ length: 4 }, () => signedInBuyer()));
    const orders = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const buyer = buyers[i % buyers.length]!;
        return { buyer, ...(await paidInWindow(buyer, { product: i % 2 ? "PREMIUM_PACK" : "PRO_PACK" })) };
      }),
    );
    const [confirms, webhooks] = await Promise.all([
      Promise.all(orders.flatMap(({ buyer, payment }) => Array.from({ length: 6 }, () => confirmOverHttp(buyer, payment)))),
      Promise.all(orders.flatMap(({ order, payment }) => Array.from({ length: 4 }, () => webhook(statusChanged(payment.paymentKey, order.orderId, "DONE"))))),
    ]);
    for (const r of confirms) expect([200, 202]).toContain(r.status);
    // A webhook may also be told to come back (503 with Retry-After) when the burst, and the other test
    // files running beside it, keep every database connection busy past the transaction's wait: Toss
    // retries it. Never a 500, and never a grant too many.
    for (const r of webhooks) {
      if (r.status === 503) expect(await r.json()).toMatchObject({ error: { code: "DATABASE_UNAVAILABLE" } });
      else expect(r.status).toBe(200);
    }
    // Whoever did not see the settlement asks again, as the success page does.
    for (const { buyer, order, payment } of orders) {
      await waitFor(async () => (await confirmOverHttp(buyer, payment)).status === 200 && (await orderRow(order.orderId)).status === "PAID", 20_000, 200);
    }
    for (const buyer of buyers) {
      const expected = orders.filter((o) => o.buyer === buyer).reduce((sum, o) => sum + (o.order.amount === 5000 ? 5 : 3), 0);
      expect(await balanceOf(buyer.userId)).toBe(expected);
      const grants = (await ledgerOf(buyer.userId)).filter((e) => e.kind === "GRANT");
      expect(grants).toHaveLength(orders.filter((o) => o.buyer === buyer).length);
    }
  }, 60_000);
});
