import "server-only";
import { createHash } from "node:crypto";
import { tossRequest } from "./client";
import { tossPaymentSchema } from "./schemas";

/**
 * The Idempotency-Key of a confirm: one per (order, payment). Stable, so every retry of that confirm
 * gets Toss's first answer; distinct per payment, because Toss replays a key's first answer, refusals
 * included, and a buyer whose card was refused pays the same order again with a new payment.
 */
export const confirmIdempotencyKey = (orderId: string, paymentKey: string) =>
  `confirm-${orderId}-${createHash("sha256").update(paymentKey).digest("base64url").slice(0, 22)}`;

/** POST /v1/payments/confirm */
export function confirmTossPayment(input: { paymentKey: string; orderId: string; amount: number }, testCode?: string) {
  return tossRequest("POST", "/v1/payments/confirm", tossPaymentSchema, {
    body: input,
    idempotencyKey: confirmIdempotencyKey(input.orderId, input.paymentKey),
    testCode,
  });
}
