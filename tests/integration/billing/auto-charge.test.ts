// Saved cards and automatic purchases (issue #23) against real PostgreSQL and the sandbox over HTTP: a
// card registered in the window and kept for its user only, one order and one charge per charge key
// however many callers race, a declined card that grants nothing and is not charged again, and a caller
// that died after sending the charge, whose order reconciliation settles with the same charge.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getActiveCard, removeCard, saveRegisteredCard } from "@/lib/billing/cards";
import { autoChargeIdempotencyKey, chargeSavedCard, rechargeAttempted } from "@/lib/billing/charge-saved-card";
import { getBalance } from "@/lib/credits/lots";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createOrder } from "@/lib/payments/create-order";
import { toOrderView } from "@/lib/payments/order-view";
import { chargeBillingKey } from "@/lib/toss/billing";
import { getTossPaymentByOrderId, getTossPaymentOfEitherPair, secretKeyForOrder } from "@/lib/toss/get-payment";
import { createUser } from "../../helpers/factories";
import { registeredCard } from "../../helpers/toss-billing";
import { basicAuth, consoleApi, tossApi, waitFor, type Merchant } from "../../helpers/toss-sandbox";

function appBillingMerchant(): Merchant {
  const keys = env.tossBilling!;
  return { id: "docs", clientKey: keys.clientKey, secretKey: keys.secretKey, authorization: basicAuth(keys.secretKey) };
}

async function userWithCard() {
  const user = await createUser();
  const card = await registeredCard(appBillingMerchant(), { customerKey: user.customerKey });
  const view = await saveRegisteredCard(user.id, { authKey: card.authKey, customerKey: card.customerKey });
  return { user, view };
}

describe("saved cards", () => {
  it("keeps a registered card for its user, masked and without its billing key, and one active card at a time", async () => {
    const { user, view } = await userWithCard();
    expect(view).toMatchObject({ cardNumber: expect.stringMatching(/\*/) });
    expect(JSON.stringify(view)).not.toMatch(/billingKey/);
    expect(await getActiveCard(user.id)).toEqual(view);
    const first = await db.billingCard.findUniqueOrThrow({ where: { id: view.id } });

    // A second registration replaces the first, whose billing key is deleted at Toss.
    const again = await registeredCard(appBillingMerchant(), { customerKey: user.customerKey });
    const second = await saveRegisteredCard(user.id, again);
    expect(second.id).not.toBe(view.id);
    expect(await db.billingCard.findUniqueOrThrow({ where: { id: view.id } })).toMatchObject({ status: "REMOVED" });
    const old = await chargeBillingKey(first.billingKey, { customerKey: user.customerKey, amount: 3000, orderId: `ord_${randomUUID()}`, orderName: "x" }, `k-${randomUUID()}`).catch((e: unknown) => e);
    expect(old).toMatchObject({ code: "INVALID_BILL_KEY_REQUEST" });

    // The success page reloaded: the same authKey keeps the one card.
    expect((await saveRegisteredCard(user.id, again)).id).toBe(second.id);
    expect(await db.billingCard.count({ where: { userId: user.id, status: "ACTIVE" } })).toBe(1);
  });

  it("refuses a registration that came back for another customer, and stores nothing", async () => {
    const [user, other] = [await createUser(), await createUser()];
    const card = await registeredCard(appBillingMerchant(), { customerKey: other.customerKey });
    await expect(saveRegisteredCard(user.id, card)).rejects.toMatchObject({ code: "CUSTOMER_KEY_MISMATCH", status: 403 });
    expect(await db.billingCard.count({ where: { userId: { in: [user.id, other.id] } } })).toBe(0);
  });

  it("stops charging a removed card", async () => {
    const { user } = await userWithCard();
    expect(await removeCard(user.id)).toBe(true);
    expect(await removeCard(user.id)).toBe(false);
    await expect(chargeSavedCard({ userId: user.id, productCode: "PRO_PACK", kind: "PLAN", chargeKey: `plan:${user.id}:${randomUUID()}` })).rejects.toMatchObject({
      code: "NO_SAVED_CARD",
    });
    expect(await getBalance(user.id)).toBe(0);
  });
});

describe("automatic purchases", () => {
  it("makes one order, one charge and one grant per charge key, however many callers race", async () => {
    const { user } = await userWithCard();
    const chargeKey = `plan:${user.id}:2026-12`;
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => chargeSavedCard({ userId: user.id, productCode: "PRO_PACK", kind: "PLAN", chargeKey })),
    );
    // The one caller that charged answers paid (settled by it, or by the payment's webhook a moment
    // before); the others found the order claimed (in flight) or already paid.
    expect(outcomes.filter((o) => o.kind === "paid").length).toBeGreaterThanOrEqual(1);
    expect(outcomes.map((o) => o.kind).filter((k) => k !== "paid" && k !== "in_flight")).toEqual([]);
    const orders = await db.order.findMany({ where: { userId: user.id } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ kind: "PLAN", chargeKey, status: "PAID", amount: 3000, credits: 3 });
    expect(await getBalance(user.id)).toBe(3);
    // Toss charged once: its one payment of that order.
    const payment = await tossApi(appBillingMerchant(), "GET", `/v1/payments/orders/${orders[0]!.orderId}`);
    expect(payment.body).toMatchObject({ status: "DONE", type: "BILLING", totalAmount: 3000 });
    // A later call with the key answers the purchase, charging nothing.
    expect(await chargeSavedCard({ userId: user.id, productCode: "PRO_PACK", kind: "PLAN", chargeKey })).toMatchObject({ kind: "paid", changed: false });
    expect(await db.creditLot.count({ where: { userId: user.id } })).toBe(1);
  });

  it("grants nothing for a declined card, records why, and does not charge that key again", async () => {
    const { user, view } = await userWithCard();
    const card = await db.billingCard.findUniqueOrThrow({ where: { id: view.id } });
    const set = await consoleApi("POST", `/billing-keys/${encodeURIComponent(card.billingKey)}/next-charge`, { nextCharge: "REJECT_CARD_PAYMENT" });
    expect(set.status).toBe(200);
    const chargeKey = `topup:${user.id}:1`;
    const declined = await chargeSavedCard({ userId: user.id, productCode: "PREMIUM_PACK", kind: "TOP_UP", chargeKey });
    expect(declined).toMatchObject({ kind: "declined", code: "REJECT_CARD_PAYMENT" });
    expect(await getBalance(user.id)).toBe(0);
    // The switch has cleared, yet the same key is not charged again: one charge per crossing.
    expect(await chargeSavedCard({ userId: user.id, productCode: "PREMIUM_PACK", kind: "TOP_UP", chargeKey })).toMatchObject({ kind: "declined" });
    expect(await getBalance(user.id)).toBe(0);
    expect(await db.paymentEvent.count({ where: { order: { chargeKey }, type: "AUTO_CHARGE_REQUESTED" } })).toBe(1);
    // Nor can the buyer's checkout take the declined order over: "다시 시도" there makes an order of its own.
    if (declined.kind !== "declined") throw new Error("expected a decline");
    const session = await createOrder(user.id, "PREMIUM_PACK", { resumeOrderId: declined.order.orderId });
    expect(session.orderId).not.toBe(declined.order.orderId);
    expect(toOrderView(declined.order)).toMatchObject({ kind: "TOP_UP", status: "PENDING", failure: { code: "REJECT_CARD_PAYMENT" } });
  });

  it("charges, through reconciliation, an order whose caller died before sending the charge, once", async () => {
    const { user, view } = await userWithCard();
    const product = await db.product.findUniqueOrThrow({ where: { code: "PREMIUM_PACK" } });
    const order = await db.order.create({
      data: {
        orderId: `ord_${randomUUID().replaceAll("-", "").slice(0, 18)}`,
        userId: user.id,
        productCode: product.code,
        orderName: product.name,
        amount: product.price,
        credits: product.credits,
        kind: "TOP_UP",
        chargeKey: `topup:${user.id}:${randomUUID()}`,
        billingCardId: view.id,
        confirmAttemptedAt: new Date(Date.now() - 60_000),
      },
    });
    // Two reconciliation runs at once (a third may be another file's cron, the same code): one claims
    // and charges, the others find it claimed or settled.
    const results = await Promise.all([rechargeAttempted(order), rechargeAttempted(order)]);
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID" });
    expect(await getBalance(user.id)).toBe(5);
    // Charged once at Toss: its one payment of the order.
    const payment = await tossApi(appBillingMerchant(), "GET", `/v1/payments/orders/${order.orderId}`);
    expect(payment.body).toMatchObject({ status: "DONE", type: "BILLING", totalAmount: 5000 });
    expect(await db.creditLot.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("settles, through reconciliation, a charge whose caller died after Toss made it", async () => {
    const { user, view } = await userWithCard();
    const card = await db.billingCard.findUniqueOrThrow({ where: { id: view.id } });
    const chargeKey = `plan:${user.id}:2027-01`;
    // The caller made the order and sent the charge, then died before settling (kill -9).
    const product = await db.product.findUniqueOrThrow({ where: { code: "PRO_PACK" } });
    const order = await db.order.create({
      data: {
        orderId: `ord_${randomUUID().replaceAll("-", "").slice(0, 18)}`,
        userId: user.id,
        productCode: product.code,
        orderName: product.name,
        amount: product.price,
        credits: product.credits,
        kind: "PLAN",
        chargeKey,
        billingCardId: card.id,
        confirmAttemptedAt: new Date(Date.now() - 60_000),
      },
    });
    const sent = await chargeBillingKey(
      card.billingKey,
      { customerKey: card.customerKey, amount: order.amount, orderId: order.orderId, orderName: order.orderName },
      autoChargeIdempotencyKey(order.orderId),
    );
    expect(sent.data.status).toBe("DONE");

    // Reconciliation sends the same charge again (Toss answers the first) and settles it, once. The
    // payment's own webhook, or another file's cron run, may get there first: once, whoever it is.
    const results = await Promise.all([rechargeAttempted(order), rechargeAttempted(order)]);
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID", paymentKey: sent.data.paymentKey });
    expect(await getBalance(user.id)).toBe(3);
    expect(await rechargeAttempted(order)).toBe(false);
    expect(await getBalance(user.id)).toBe(3);
  });
});

describe("an automatic purchase's payment at Toss", () => {
  it("is looked up, refunded and re-fetched for its webhooks with the billing pair, which made it", async () => {
    const { user } = await userWithCard();
    const chargeKey = `plan:${user.id}:pair:${randomUUID()}`;
    const outcome = await chargeSavedCard({ userId: user.id, productCode: "PRO_PACK", kind: "PLAN", chargeKey });
    expect(outcome.kind).toBe("paid");
    const order = await db.order.findUniqueOrThrow({ where: { chargeKey } });
    // The checkout's widget pair does not know this payment; the billing pair does.
    expect(secretKeyForOrder(order)).toBe(env.tossBilling!.secretKey);
    await expect(getTossPaymentByOrderId(order.orderId)).rejects.toMatchObject({ code: "NOT_FOUND_PAYMENT" });
    expect((await getTossPaymentByOrderId(order.orderId, secretKeyForOrder(order))).data.paymentKey).toBe(order.paymentKey);
    expect((await getTossPaymentOfEitherPair({ orderId: order.orderId })).data.paymentKey).toBe(order.paymentKey);

    // Canceled in Toss's dashboard (the sandbox console): Toss's webhook brings the news, which the app
    // re-fetches from Toss with the pair that knows the payment, and takes the pack's credits back.
    expect((await consoleApi("POST", `/payments/${order.paymentKey}/cancel`, { cancelReason: "대시보드 취소" })).status).toBe(200);
    await waitFor(async () => (await db.order.findUniqueOrThrow({ where: { id: order.id } })).status === "CANCELED", 15_000);
    expect(await getBalance(user.id)).toBe(0);
  });
});

