// Confirm over real HTTP: our route → the sandbox's Toss API → our database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signedInBuyer } from "../../helpers/http";
import { APP_MERCHANT, balanceOf, confirmOverHttp, DEAD_WEBHOOK_URL, forceNextConfirm, ledgerOf, orderRow, paidInWindow, routePaymentWebhooks } from "../../helpers/shop";
import { confirm, tossApi, waitFor } from "../../helpers/toss-sandbox";

describe("confirm", () => {
  it("pays by card: PAID, +3 credits, audited, and Toss's webhook changes nothing more", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    const response = await confirmOverHttp(buyer, payment);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; order: Record<string, unknown> };
    expect(body).toMatchObject({ status: "SETTLED", order: { orderId: order.orderId, status: "PAID", method: "카드", amount: 3000 } });

    const row = await orderRow(order.orderId);
    expect(row).toMatchObject({ status: "PAID", paymentKey: payment.paymentKey, tossStatus: "DONE", confirmAttemptedAt: null });
    expect(row.approvedAt).toBeInstanceOf(Date);
    expect(await balanceOf(buyer.userId)).toBe(3);
    const types = (await db.paymentEvent.findMany({ where: { orderId: row.id } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["ORDER_CREATED", "CONFIRM_REQUESTED", "SETTLE_PAID"]));

    // The sandbox sends PAYMENT_STATUS_CHANGED (DONE) to our webhook; it is handled, and changes nothing.
    await waitFor(async () => (await db.tossWebhookReceipt.findFirst({ where: { orderId: order.orderId, processedAt: { not: null } } })) ?? undefined);
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("answers a refresh with the same result and never grants twice", async () => {
    const buyer = await signedInBuyer();
    const { payment } = await paidInWindow(buyer, { product: "PREMIUM_PACK" });
    for (let i = 0; i < 3; i++) {
      const response = await confirmOverHttp(buyer, { ...payment, amount: String(payment.amount) });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { order: { status: string } }).order.status).toBe("PAID");
    }
    expect(await balanceOf(buyer.userId)).toBe(5);
    expect((await ledgerOf(buyer.userId)).filter((e) => e.kind === "GRANT")).toHaveLength(1);
  });

  it("refuses a tampered amount before calling Toss, and records it", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    const response = await confirmOverHttp(buyer, { ...payment, amount: 100 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "AMOUNT_MISMATCH" } });
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PENDING", paymentKey: null, confirmAttemptedAt: null });
    // Toss was never asked: the payment is still waiting for a confirm.
    const atToss = await tossApi(APP_MERCHANT, "GET", `/v1/payments/${payment.paymentKey}`);
    expect(atToss.body).toMatchObject({ status: "IN_PROGRESS" });
    const row = await orderRow(order.orderId);
    expect(await db.paymentEvent.count({ where: { orderId: row.id, type: "CONFIRM_REFUSED_AMOUNT_MISMATCH" } })).toBe(1);
    expect(await balanceOf(buyer.userId)).toBe(0);
    // The honest confirm still works.
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
  });

  it("refuses another user's order, and leaves it to its owner", async () => {
    const [owner, thief] = [await signedInBuyer(), await signedInBuyer()];
    const { order, payment } = await paidInWindow(owner);
    const response = await confirmOverHttp(thief, payment);
    expect(response.status).toBe(404);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PENDING", paymentKey: null });
    expect(await balanceOf(thief.userId)).toBe(0);
    expect((await confirmOverHttp(owner, payment)).status).toBe(200);
    expect(await balanceOf(owner.userId)).toBe(3);
    expect(await balanceOf(thief.userId)).toBe(0);
  });

  it("keeps the order PENDING with Toss's refusal recorded, and a new payment of it succeeds", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    await forceNextConfirm(order.orderId, "REJECT_CARD_COMPANY");
    const refused = await confirmOverHttp(buyer, payment);
    expect(refused.status).toBe(402);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("REJECT_CARD_COMPANY");
    expect(body.error.message).toMatch(/[가-힣]/);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PENDING", failureCode: "REJECT_CARD_COMPANY", paymentKey: null });

    const { authenticatedPayment } = await import("../../helpers/toss-sandbox");
    const retry = await authenticatedPayment(APP_MERCHANT, { orderId: order.orderId, orderName: order.orderName, amount: order.amount });
    const ok = await confirmOverHttp(buyer, retry);
    expect(ok.status).toBe(200);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PAID", failureCode: null, paymentKey: retry.paymentKey });
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("settles from Toss's state when Toss says ALREADY_PROCESSED_PAYMENT", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    // Toss's webhook of that confirm would settle the order before ours asks (it may arrive at once):
    // keep it away, so that it is our confirm that meets ALREADY_PROCESSED_PAYMENT.
    await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
    // Someone (another instance, a lost answer) confirmed it without our Idempotency-Key.
    expect((await confirm(APP_MERCHANT, payment)).status).toBe(200);
    const response = await confirmOverHttp(buyer, payment);
    expect(response.status).toBe(200);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PAID" });
    expect(await balanceOf(buyer.userId)).toBe(3);
    const row = await orderRow(order.orderId);
    expect(await db.paymentEvent.count({ where: { orderId: row.id, type: "CONFIRM_FAILED", status: "ALREADY_PROCESSED_PAYMENT" } })).toBe(1);
  });

  it("answers 202 while Toss is slow, and the next ask settles it (same Idempotency-Key)", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    await forceNextConfirm(order.orderId, "timeout", 12_000);
    // Toss approves at once and only its answer is late; keep its webhook away so that the answer is
    // what settles the order here.
    await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
    const slow = await confirmOverHttp(buyer, payment);
    expect(slow.status).toBe(202);
    expect(slow.headers.get("retry-after")).toBe("3");
    expect(await slow.json()).toMatchObject({ status: "PROCESSING", order: { processing: true } });
    expect((await orderRow(order.orderId)).confirmAttemptedAt).toBeInstanceOf(Date);

    const settled = await waitFor(async () => {
      const again = await confirmOverHttp(buyer, payment);
      return again.status === 200 ? again : undefined;
    }, 25_000, 1000);
    expect(((await settled.json()) as { order: { status: string } }).order.status).toBe("PAID");
    expect(await balanceOf(buyer.userId)).toBe(3);
  }, 40_000);

  it("lets Toss's webhook settle the order while our confirm is still waiting for Toss's answer", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    await forceNextConfirm(order.orderId, "timeout", 12_000);
    const response = await confirmOverHttp(buyer, payment);
    // Whichever came first, the buyer sees the order paid once the webhook has landed.
    expect([200, 202]).toContain(response.status);
    await waitFor(async () => (await orderRow(order.orderId)).status === "PAID", 20_000, 200);
    expect(await balanceOf(buyer.userId)).toBe(3);
  }, 40_000);
});
