// The operator console over HTTP: an operator (ADMIN_EMAILS in the test env) and a buyer's paid order.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { TEST_OPERATOR } from "../../scripts/lib/test-env";
import { signedInBuyer, type SignedInBuyer } from "./http";
import { confirmOverHttp, paidInWindow } from "./shop";

export const signedInOperator = () => signedInBuyer(TEST_OPERATOR);

/** A buyer with a confirmed (PAID) card order over HTTP through the sandbox. */
export async function paidOrder(product = "PRO_PACK"): Promise<{ buyer: SignedInBuyer; orderId: string; paymentKey: string }> {
  const buyer = await signedInBuyer();
  const { order, payment } = await paidInWindow(buyer, { product });
  expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
  return { buyer, orderId: order.orderId, paymentKey: payment.paymentKey };
}

export const requestId = () => randomUUID();
