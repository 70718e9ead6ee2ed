// The shop's buying flow over real HTTP, against the app server and its Toss sandbox: a signed-in
// buyer creates an order, pays it in the sandbox's payment window (as the docs key pair the app uses in
// tests), and confirms through our own route.
import { randomUUID } from "node:crypto";
import { TOSS_DOCS_CLIENT_KEY, TOSS_DOCS_SECRET_KEY } from "@/lib/env";
import { getBalance } from "@/lib/credits/lots";
import { spendCredits } from "@/lib/credits/spend-credits";
import { db } from "@/lib/db";
import type { SignedInBuyer } from "./http";
import { authenticatedPayment, basicAuth, consoleApi, type Merchant, type MethodKey } from "./toss-sandbox";

/** The sandbox merchant of the app's own key pair (unset keys: Toss's public docs pair). */
export const APP_MERCHANT: Merchant = {
  id: "docs",
  clientKey: TOSS_DOCS_CLIENT_KEY,
  secretKey: TOSS_DOCS_SECRET_KEY,
  authorization: basicAuth(TOSS_DOCS_SECRET_KEY),
};

export async function placeOrder(buyer: SignedInBuyer, product = "PRO_PACK") {
  const response = await buyer.client.postJson("/api/orders", { product });
  if (response.status !== 201) throw new Error(`creating the order failed: ${response.status}`);
  return (await response.json()) as { orderId: string; orderName: string; amount: number; successUrl: string; failUrl: string; customerKey: string };
}

/** An order of the buyer's, paid in the sandbox's window (IN_PROGRESS, waiting for our confirm). */
export async function paidInWindow(buyer: SignedInBuyer, options: { product?: string; methodKey?: MethodKey } = {}) {
  const order = await placeOrder(buyer, options.product);
  const payment = await authenticatedPayment(APP_MERCHANT, {
    orderId: order.orderId,
    orderName: order.orderName,
    amount: order.amount,
    successUrl: order.successUrl,
    failUrl: order.failUrl,
    methodKey: options.methodKey ?? "CARD",
  });
  return { order, payment };
}

export function confirmOverHttp(buyer: SignedInBuyer, payment: { paymentKey: string; orderId: string; amount: number | string }) {
  return buyer.client.postJson("/api/payments/toss/confirm", {
    paymentKey: payment.paymentKey,
    orderId: payment.orderId,
    amount: payment.amount,
  });
}

export async function orderRow(orderId: string) {
  return db.order.findUniqueOrThrow({ where: { orderId } });
}

/** The balance as the app computes it: what the user's unexpired lots have left. */
export async function balanceOf(userId: string) {
  return getBalance(userId);
}

/** Spends credits as the host app would, under a fresh idempotency key; answers the balance after it. */
export async function spend(userId: string, amount: number, reason = "premium") {
  const { spend: done } = await spendCredits({ userId, amount, idempotencyKey: `test-${randomUUID()}`, reason });
  return done.balanceAfter;
}

export async function ledgerOf(userId: string) {
  return db.creditLedger.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

/**
 * Makes the next confirm of this payment fail with a Toss code, or hold past our client's timeout
 * ("timeout"). Per payment, so that no other test's confirm takes it.
 */
export async function forceNextConfirm(orderId: string, nextConfirm: string, delayMs?: number) {
  const answer = await consoleApi("POST", `/payments/${orderId}/next-confirm`, {
    merchant: APP_MERCHANT.id,
    nextConfirm,
    ...(delayMs ? { delayMs } : {}),
  });
  if (answer.status !== 200) throw new Error(`forcing the next confirm failed: ${JSON.stringify(answer.body)}`);
}

/** A closed port on this machine: a webhook sent there fails, and Toss's retry schedule takes over. */
export const DEAD_WEBHOOK_URL = "http://127.0.0.1:9/webhooks/toss";

/**
 * Where this one payment's webhooks go from now on (retries included): DEAD_WEBHOOK_URL keeps them
 * from reaching the shop, "" sends them to the app again. Per payment, so that tests running at the
 * same time, on the merchant of the app's key pair, never take each other's webhooks away.
 */
export async function routePaymentWebhooks(orderId: string, webhookUrl: string) {
  const answer = await consoleApi("POST", `/payments/${orderId}/webhook-url`, { merchant: APP_MERCHANT.id, webhookUrl });
  if (answer.status !== 200) throw new Error(`setting the payment's webhook URL failed: ${JSON.stringify(answer.body)}`);
}
