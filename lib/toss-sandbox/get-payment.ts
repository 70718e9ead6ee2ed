// GET /v1/payments/{paymentKey} and GET /v1/payments/orders/{orderId}: the merchant's own payment,
// as it is now (a closed window is expired first). Another merchant's payment does not exist.
import "server-only";
import { Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/sql";
import { TossSandboxError } from "./errors";
import { expireIfStale } from "./expire";
import type { ApiResult } from "./http";
import { toPaymentObject } from "./payment-object";

export async function getPayment(merchantId: string, by: { paymentKey: string } | { orderId: string }): Promise<ApiResult> {
  // The lookup Toss's webhook brings news with (our re-fetch): one prepared statement (lib/sql.ts).
  const where = "paymentKey" in by ? Prisma.sql`"paymentKey" = ${by.paymentKey}` : Prisma.sql`"orderId" = ${by.orderId}`;
  const [found] = await queryRows<SandboxPayment>(Prisma.sql`SELECT * FROM "SandboxPayment" WHERE ${where} AND "merchantId" = ${merchantId}`);
  if (!found) throw new TossSandboxError("NOT_FOUND_PAYMENT");
  const payment = await expireIfStale(found);
  return { status: 200, body: toPaymentObject(payment, env.appUrl) };
}
