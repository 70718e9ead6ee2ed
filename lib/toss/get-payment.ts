import "server-only";
import { env } from "@/lib/env";
import type { OrderKind } from "@/lib/generated/prisma/enums";
import { tossRequest } from "./client";
import { TossApiError } from "./errors";
import { tossPaymentSchema } from "./schemas";

/**
 * The secret key for Toss's calls about an order's payment: the key pair that made it. A checkout's payment
 * was made with the widget pair (the default); an automatic purchase's (PLAN, TOP_UP) with the billing pair,
 * the API individual keys (TOSS.md "Keys": a payment is confirmed with its own pair's secret; the sandbox
 * holds lookups and cancels to the same rule).
 */
export function secretKeyForOrder(order: { kind: OrderKind }): string | undefined {
  return order.kind === "CHECKOUT" ? undefined : (env.tossBilling?.secretKey ?? undefined);
}

/** GET /v1/payments/{paymentKey} */
export function getTossPayment(paymentKey: string, secretKey?: string) {
  return tossRequest("GET", `/v1/payments/${encodeURIComponent(paymentKey)}`, tossPaymentSchema, { secretKey });
}

/** GET /v1/payments/orders/{orderId} */
export function getTossPaymentByOrderId(orderId: string, secretKey?: string) {
  return tossRequest("GET", `/v1/payments/orders/${encodeURIComponent(orderId)}`, tossPaymentSchema, { secretKey });
}

/**
 * A payment whose pair is not known yet (a webhook names a paymentKey or an orderId, not the key that made
 * it): asked with one pair, then, when that pair does not know it and the shop has a billing pair of its
 * own, with the other. The checkout's pair first, unless the news says the payment is a billing charge
 * (`billingFirst`: its body's `type: "BILLING"`, only a hint: a wrong one costs a call, never a wrong answer).
 */
export async function getTossPaymentOfEitherPair(by: { paymentKey: string } | { orderId: string }, { billingFirst = false } = {}) {
  const ask = (secretKey?: string) => ("paymentKey" in by ? getTossPayment(by.paymentKey, secretKey) : getTossPaymentByOrderId(by.orderId, secretKey));
  const billing = env.tossBilling?.secretKey;
  const pairs = !billing || billing === env.toss.secretKey ? [undefined] : billingFirst ? [billing, undefined] : [undefined, billing];
  for (const [i, secretKey] of pairs.entries()) {
    try {
      return await ask(secretKey);
    } catch (error) {
      if (i === pairs.length - 1 || !(error instanceof TossApiError) || error.code !== "NOT_FOUND_PAYMENT") throw error;
    }
  }
  throw new Error("unreachable");
}
