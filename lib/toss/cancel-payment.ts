import "server-only";
import { tossRequest } from "./client";
import { tossPaymentSchema } from "./schemas";

/** The Idempotency-Key of an order's full refund: one per order, distinct from its confirm key. */
export const refundIdempotencyKey = (orderId: string) => `refund-${orderId}`;

export interface RefundReceiveAccount {
  bank: string;
  accountNumber: string;
  holderName: string;
}

/** POST /v1/payments/{paymentKey}/cancel — a full cancel unless cancelAmount is given. */
export function cancelTossPayment(
  paymentKey: string,
  input: { cancelReason: string; cancelAmount?: number; refundReceiveAccount?: RefundReceiveAccount },
  idempotencyKey: string,
  /** the secret key of the pair that made the payment (get-payment.ts secretKeyForOrder); default the checkout's */
  secretKey?: string,
) {
  return tossRequest("POST", `/v1/payments/${encodeURIComponent(paymentKey)}/cancel`, tossPaymentSchema, {
    body: input,
    idempotencyKey,
    secretKey,
  });
}
