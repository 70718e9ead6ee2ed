import "server-only";
import { tossRequest } from "./client";
import { tossPaymentSchema } from "./schemas";

/** GET /v1/payments/{paymentKey} */
export function getTossPayment(paymentKey: string) {
  return tossRequest("GET", `/v1/payments/${encodeURIComponent(paymentKey)}`, tossPaymentSchema);
}

/** GET /v1/payments/orders/{orderId} */
export function getTossPaymentByOrderId(orderId: string) {
  return tossRequest("GET", `/v1/payments/orders/${encodeURIComponent(orderId)}`, tossPaymentSchema);
}
