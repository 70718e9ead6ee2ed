// Partial cancels take credits back in proportion (issue 12, item 2): floor(cancelAmount × credits /
// amount) per Toss cancel transaction, exactly once, by webhook, reconciliation or a direct settle, over
// real HTTP against the production build and its Toss sandbox.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reconcile } from "@/lib/payments/reconcile";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { settleFromToss } from "@/lib/payments/settle-payment";
import { getTossPayment } from "@/lib/toss/get-payment";
import { Client, signedInBuyer, type SignedInBuyer } from "../../helpers/http";
import { APP_MERCHANT, balanceOf, confirmOverHttp, DEAD_WEBHOOK_URL, ledgerOf, orderRow, paidInWindow, routePaymentWebhooks, spend } from "../../helpers/shop";
import { APP_URL, confirm, consoleApi, tossApi, waitFor } from "../../helpers/toss-sandbox";
import { oneReconcilingFileAtATime } from "../../helpers/one-reconciling-file";

oneReconcilingFileAtATime();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function paidOrder(product: "PRO_PACK" | "PREMIUM_PACK", existing?: SignedInBuyer) {
  const buyer = existing ?? (await signedInBuyer());
  const { order, payment } = await paidInWindow(buyer, { product });
  expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
  const row = await orderRow(order.orderId);
  expect(row.status).toBe("PAID");
  return { buyer, order: row, paymentKey: payment.paymentKey };
}

/** A cancel made in Toss's dashboard (the sandbox console): the whole balance unless an amount is given. */
async function cancelInToss(orderId: string, cancelAmount?: number) {
  const answer = await consoleApi<{ data: { status: string; balanceAmount: number } }>("POST", `/payments/${orderId}/cancel`, {
    cancelReason: "부분 환불",
    ...(cancelAmount ? { cancelAmount } : {}),
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data;
}

/** `npm run toss -- cancel <ref> --amount N`, as a tester types it. */
function cancelWithCli(orderId: string, amount: number): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "node",
      ["--conditions=react-server", "--import", "tsx", "scripts/toss.ts", "cancel", orderId, "--amount", String(amount), "--url", APP_URL],
      { cwd: process.cwd(), encoding: "utf8", timeout: 60_000 },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

const reversalsOf = (orderDbId: string) =>
  db.creditLedger.findMany({ where: { orderId: orderDbId, kind: "REVERSAL" }, orderBy: { createdAt: "asc" } });

async function waitForReversals(orderDbId: string, count: number) {
  return waitFor(async () => {
    const rows = await reversalsOf(orderDbId);
    return rows.length >= count ? rows : undefined;
  }, 15_000);
}

/** Toss's cancel transactions of a payment, oldest first. */
async function tossCancels(paymentKey: string) {
  const { body } = await tossApi<{ cancels: { transactionKey: string; cancelAmount: number; cancelStatus: string }[] | null }>(
    APP_MERCHANT,
    "GET",
    `/v1/payments/${paymentKey}`,
  );
  return body.cancels ?? [];
}

const eventCount = (orderDbId: string, type: string) => db.paymentEvent.count({ where: { orderId: orderDbId, type } });

/** The reversals the CREDITS_REVERSED events say were applied, all settles together. */
async function appliedByEvents(orderDbId: string) {
  const events = await db.paymentEvent.findMany({ where: { orderId: orderDbId, type: "CREDITS_REVERSED" } });
  return events.flatMap((e) => (e.payload as { reversals: { transactionKey: string; credits: number }[] }).reversals);
}

const webhookFor = (paymentKey: string, orderId: string) =>
  new Client().postJson(
    "/api/webhooks/toss",
    { eventType: "PAYMENT_STATUS_CHANGED", createdAt: "2026-11-22T12:00:00.000000", data: { paymentKey, orderId, status: "PARTIAL_CANCELED" } },
    {
      "tosspayments-webhook-transmission-id": `whtrans_${randomUUID()}`,
      "tosspayments-webhook-transmission-retried-count": "0",
      "tosspayments-webhook-transmission-time": new Date().toISOString(),
    },
  );

describe("partial cancels", () => {
  it("PREMIUM_PACK ₩2,000 + ₩2,000 + ₩1,000: −2, −2, −1 by webhook, one row per Toss cancel, never more", async () => {
    const { buyer, order, paymentKey } = await paidOrder("PREMIUM_PACK");
    expect(await balanceOf(buyer.userId)).toBe(5);

    expect(await cancelInToss(order.orderId, 2000)).toMatchObject({ status: "PARTIAL_CANCELED", balanceAmount: 3000 });
    expect((await waitForReversals(order.id, 1)).map((r) => r.amount)).toEqual([-2]);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PARTIAL_CANCELED" });
    expect(await balanceOf(buyer.userId)).toBe(3);

    await cancelInToss(order.orderId, 2000);
    expect((await waitForReversals(order.id, 2)).map((r) => r.amount)).toEqual([-2, -2]);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PARTIAL_CANCELED" });
    expect(await balanceOf(buyer.userId)).toBe(1);

    expect(await cancelInToss(order.orderId, 1000)).toMatchObject({ status: "CANCELED", balanceAmount: 0 });
    const reversals = await waitForReversals(order.id, 3);
    expect(reversals.map((r) => r.amount)).toEqual([-2, -2, -1]);
    await waitFor(async () => (await orderRow(order.orderId)).status === "CANCELED", 15_000);
    expect(await balanceOf(buyer.userId)).toBe(0);

    // Each row is keyed by the Toss cancel it applies; the reasons say what it was, in Korean.
    const cancels = await tossCancels(paymentKey);
    expect(cancels.map((c) => [c.cancelAmount, c.cancelStatus])).toEqual([[2000, "DONE"], [2000, "DONE"], [1000, "DONE"]]);
    expect(reversals.map((r) => r.transactionKey)).toEqual(cancels.map((c) => c.transactionKey));
    expect(reversals.map((r) => r.reason)).toEqual([
      "프리미엄 팩 부분 취소 회수 (₩2,000)",
      "프리미엄 팩 부분 취소 회수 (₩2,000)",
      "프리미엄 팩 나머지 취소 회수 (₩1,000)",
    ]);
    expect(await eventCount(order.id, "SETTLE_PARTIAL_CANCELED")).toBe(1);
    expect(await eventCount(order.id, "SETTLE_CANCELED")).toBe(1);
    expect(await appliedByEvents(order.id)).toHaveLength(3);

    // Nothing is left to take back: a later settle of the same payment changes nothing.
    const { data: payment } = await getTossPayment(paymentKey);
    expect((await settleFromToss(await orderRow(order.orderId), payment, "lookup")).changed).toBe(false);
    expect(await reversalsOf(order.id)).toHaveLength(3);
    expect(await balanceOf(buyer.userId)).toBe(0);
  }, 60_000);

  it("PRO_PACK: ₩1,000 takes 1; ₩1,500 rounds down to 1 and the rest takes the remainder; shown on the order page", async () => {
    const one = await paidOrder("PRO_PACK");
    const cli = await cancelWithCli(one.order.orderId, 1000);
    expect(cli.code, cli.stderr).toBe(0);
    expect((await waitForReversals(one.order.id, 1)).map((r) => r.amount)).toEqual([-1]);
    expect(await balanceOf(one.buyer.userId)).toBe(2);

    const { buyer, order } = await paidOrder("PRO_PACK");
    await cancelInToss(order.orderId, 1500);
    expect((await waitForReversals(order.id, 1)).map((r) => r.amount)).toEqual([-1]);
    expect(await balanceOf(buyer.userId)).toBe(2);

    const page = await (await buyer.client.fetch(`/orders/${order.orderId}`)).text();
    expect(page).toContain("크레딧 회수");
    expect(page).toContain("프로 팩 부분 취소 회수 (₩1,500)");
    expect(page).toContain("\u22121개");

    await cancelInToss(order.orderId); // the remaining ₩1,500
    expect((await waitForReversals(order.id, 2)).map((r) => r.amount)).toEqual([-1, -2]);
    await waitFor(async () => (await orderRow(order.orderId)).status === "CANCELED", 15_000);
    expect(await balanceOf(buyer.userId)).toBe(0);
  }, 60_000);

  it("takes back what the pack's lot has left after its credits were spent, recording the rest as a shortfall", async () => {
    const { buyer, order } = await paidOrder("PRO_PACK");
    await spend(buyer.userId, 2);
    await cancelInToss(order.orderId, 2000);
    // The cancel of ₩2,000 calls for 2 credits; the lot has 1 left: 1 taken, 1 short, for the operator.
    const [reversal] = await waitForReversals(order.id, 1);
    expect(reversal).toMatchObject({ amount: -1, shortfall: 1 });
    expect(await balanceOf(buyer.userId)).toBe(0);
    expect(await db.creditLot.findUniqueOrThrow({ where: { orderId: order.id } })).toMatchObject({ amount: 3, remaining: 0 });
    await expect(spend(buyer.userId, 1)).rejects.toMatchObject({ code: "INSUFFICIENT_CREDITS" });
    const [event] = await db.paymentEvent.findMany({ where: { orderId: order.id, type: "CREDITS_REVERSED" } });
    expect(event?.payload).toMatchObject({ reversals: [{ credits: 1, shortfall: 1, cancelAmount: 2000 }] });
  }, 60_000);

  it("takes a cancel from the canceled pack's own lot, never from another pack", async () => {
    const { buyer, order } = await paidOrder("PRO_PACK");
    const other = await paidOrder("PREMIUM_PACK", buyer);
    await spend(buyer.userId, 3);
    await cancelInToss(order.orderId, 1000);
    const [reversal] = await waitForReversals(order.id, 1);
    expect(reversal).toMatchObject({ amount: 0, shortfall: 1 });
    expect(await db.creditLot.findUniqueOrThrow({ where: { orderId: other.order.id } })).toMatchObject({ amount: 5, remaining: 5 });
    expect(await balanceOf(buyer.userId)).toBe(5);
  }, 60_000);

  it("applies each cancel once when its webhook comes twice, out of order, and reconciliation settles the order too", async () => {
    const { buyer, order, paymentKey } = await paidOrder("PREMIUM_PACK");
    // The operator's partial refund (issue 12, item 1) is recorded like this; reconciliation follows it up.
    await recordPaymentEvent(db, { orderDbId: order.id, orderId: order.orderId, paymentKey, type: "REFUND_REQUESTED" });

    // The first cancel's webhook never reaches us: only reconciliation can apply it.
    await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
    await cancelInToss(order.orderId, 2000);
    expect(await reversalsOf(order.id)).toHaveLength(0);
    // Another test file's run may be the one that takes this order (SKIP LOCKED): run until it is applied.
    for (let run = 0; run < 10 && (await reversalsOf(order.id)).length === 0; run++) await reconcile();
    expect((await reversalsOf(order.id)).map((r) => r.amount)).toEqual([-2]);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PARTIAL_CANCELED" });
    const [byReconcile] = await db.paymentEvent.findMany({ where: { orderId: order.id, type: "CREDITS_REVERSED" } });
    expect(byReconcile?.payload).toMatchObject({ source: "reconcile" });

    await routePaymentWebhooks(order.orderId, "");
    await cancelInToss(order.orderId, 1000);
    await waitForReversals(order.id, 2);

    // The latest webhook again (same transmission id), a later and an earlier event swapped, and
    // reconciliation, all at once.
    const receipts = () => db.tossWebhookReceipt.count({ where: { orderId: order.orderId, processedAt: { not: null } } });
    const before = await receipts();
    const [duplicate, outOfOrder] = await Promise.all([
      consoleApi("POST", `/payments/${order.orderId}/duplicate`),
      consoleApi("POST", `/payments/${order.orderId}/out-of-order`),
      reconcile(),
      reconcile(),
    ]);
    expect([duplicate.status, outOfOrder.status]).toEqual([200, 200]);
    await waitFor(async () => (await receipts()) >= before + 2, 15_000);
    expect((await reversalsOf(order.id)).map((r) => r.amount)).toEqual([-2, -1]);
    expect(await balanceOf(buyer.userId)).toBe(2);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PARTIAL_CANCELED" });

    // The rest closes the payment and takes exactly what is left: 5 − 2 − 1.
    await cancelInToss(order.orderId);
    await waitForReversals(order.id, 3);
    await Promise.all([consoleApi("POST", `/payments/${order.orderId}/duplicate`), reconcile()]);
    await waitFor(async () => (await orderRow(order.orderId)).status === "CANCELED", 15_000);
    const reversals = await reversalsOf(order.id);
    expect(reversals.map((r) => r.amount)).toEqual([-2, -1, -2]);
    expect(new Set(reversals.map((r) => r.transactionKey)).size).toBe(3);
    expect(await appliedByEvents(order.id)).toHaveLength(3);
    expect(await balanceOf(buyer.userId)).toBe(0);
  }, 90_000);

  it("a payment approved and partly refunded before we heard of the approval: paid, granted, its share taken back, once", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer, { product: "PREMIUM_PACK" });
    // Toss approves, but neither our confirm's answer nor Toss's DONE reaches us.
    await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
    expect((await confirm(APP_MERCHANT, payment)).status).toBe(200);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PENDING", paymentKey: null });

    // The shop refunds ₩2,000 of it in Toss's dashboard; that webhook reaches us.
    await routePaymentWebhooks(order.orderId, "");
    await cancelInToss(order.orderId, 2000);
    const row = await waitFor(async () => {
      const current = await orderRow(order.orderId);
      return current.status === "PARTIAL_CANCELED" ? current : undefined;
    }, 15_000);
    expect(row).toMatchObject({ paymentKey: payment.paymentKey, tossStatus: "PARTIAL_CANCELED" });
    expect(row.approvedAt).not.toBeNull();
    const settled = async () => ({
      balance: await balanceOf(buyer.userId),
      ledger: (await ledgerOf(buyer.userId)).map((entry) => `${entry.kind} ${entry.amount}`).sort(),
    });
    // Paid ₩5,000 for 5 credits, ₩2,000 of it refunded: 5 granted, 2 taken back.
    expect(await settled()).toEqual({ balance: 3, ledger: ["GRANT 5", "REVERSAL -2"] });

    // Every other way of hearing it, all at once: nothing more.
    const { data } = await getTossPayment(payment.paymentKey);
    const pending = { ...row, status: "PENDING" as const, paymentKey: null };
    await Promise.all([
      settleFromToss(pending, data, "reconcile"),
      settleFromToss(pending, data, "lookup"),
      settleFromToss(row, data, "webhook"),
      reconcile(),
      webhookFor(payment.paymentKey, order.orderId),
      consoleApi("POST", `/payments/${order.orderId}/duplicate`),
    ]);
    await sleep(1000); // the duplicate's delivery
    expect(await settled()).toEqual({ balance: 3, ledger: ["GRANT 5", "REVERSAL -2"] });
    expect(await eventCount(row.id, "SETTLE_PARTIAL_CANCELED")).toBe(1);

    // The rest refunded: closed, and exactly what is left taken back.
    await cancelInToss(order.orderId);
    await waitFor(async () => (await orderRow(order.orderId)).status === "CANCELED", 15_000);
    await waitForReversals(row.id, 2);
    expect(await settled()).toEqual({ balance: 0, ledger: ["GRANT 5", "REVERSAL -2", "REVERSAL -3"] });
  }, 60_000);

  it("takes back one reversal per cancel when many settles and webhooks of the same payment race", async () => {
    const { buyer, order, paymentKey } = await paidOrder("PREMIUM_PACK");
    // Toss's own webhooks stay out of it: only the racing settles below can apply the cancels.
    await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
    const race = async () => {
      const { data: payment } = await getTossPayment(paymentKey);
      const settles = Array.from({ length: 8 }, () => settleFromToss(order, payment, "webhook"));
      const hooks = Array.from({ length: 8 }, () => webhookFor(paymentKey, order.orderId));
      const [, answers] = await Promise.all([Promise.all(settles), Promise.all(hooks)]);
      for (const answer of answers) expect(answer.status).toBe(200);
    };
    const amounts = async () => (await reversalsOf(order.id)).map((r) => r.amount).sort((a, b) => a - b);

    // PAID → PARTIAL_CANCELED: the status change makes the settles queue on the order's row.
    await cancelInToss(order.orderId, 2000);
    await race();
    expect(await amounts()).toEqual([-2]);
    // A second partial cancel changes no status: nothing but the ledger's unique key keeps them apart.
    await cancelInToss(order.orderId, 1000);
    await race();
    expect(await amounts()).toEqual([-2, -1]);
    expect(await balanceOf(buyer.userId)).toBe(2);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PARTIAL_CANCELED" });

    // The rest: CANCELED, and exactly the remainder, 5 − 2 − 1.
    await cancelInToss(order.orderId);
    await race();
    expect(await amounts()).toEqual([-2, -2, -1]);
    expect(await appliedByEvents(order.id)).toHaveLength(3);
    expect(await balanceOf(buyer.userId)).toBe(0);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "CANCELED" });
    expect(await eventCount(order.id, "SETTLE_CANCELED")).toBe(1);
  }, 60_000);
});
