import "server-only";
import { tossRequest } from "./client";
import { tossPaymentSchema } from "./schemas";

/** The Idempotency-Key of an order's confirm: one per order, never shared with another operation. */
export const confirmIdempotencyKey = (orderId: string) => `confirm-${orderId}`;

/** POST /v1/payments/confirm */
export function confirmTossPayment(input: { paymentKey: string; orderId: string; amount: number }, testCode?: string) {
  return tossRequest("POST", "/v1/payments/confirm", tossPaymentSchema, {
    body: input,
    idempotencyKey: confirmIdempotencyKey(input.orderId),
    testCode,
  });
}
