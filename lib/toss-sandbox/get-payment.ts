// GET /v1/payments/{paymentKey} and GET /v1/payments/orders/{orderId}: the merchant's own payment,
// as it is now (a closed window is expired first). Another merchant's payment does not exist.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { TossSandboxError } from "./errors";
import { expireIfStale } from "./expire";
import type { ApiResult } from "./http";
import { toPaymentObject } from "./payment-object";

export async function getPayment(merchantId: string, by: { paymentKey: string } | { orderId: string }): Promise<ApiResult> {
  const found =
    "paymentKey" in by
      ? await db.sandboxPayment.findUnique({ where: { paymentKey: by.paymentKey } })
      : await db.sandboxPayment.findUnique({ where: { merchantId_orderId: { merchantId, orderId: by.orderId } } });
  if (!found || found.merchantId !== merchantId) throw new TossSandboxError("NOT_FOUND_PAYMENT");
  const payment = await expireIfStale(found);
  return { status: 200, body: toPaymentObject(payment, env.appUrl) };
}
