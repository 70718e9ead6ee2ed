// GET /v1/payments/{paymentKey} and GET /v1/payments/orders/{orderId}: the merchant's own payment,
// as it is now (a closed window is expired first). Another merchant's payment does not exist, nor does
// one made with the other family of keys (a widget payment asked for with an API individual secret key,
// a billing charge asked for with the widget's): as for a confirm, each family's payments are its own
// (unconfirmed for Toss's lookups and cancels: the sandbox is strict, so a shop that asks with the key
// pair that made the payment works whichever way Toss is).
import "server-only";
import { Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/sql";
import { TossSandboxError } from "./errors";
import { expireIfStale } from "./expire";
import type { ApiResult } from "./http";
import type { KeyFamily } from "./keys";
import { toPaymentObject } from "./payment-object";

export async function getPayment(merchantId: string, by: { paymentKey: string } | { orderId: string }, keyFamily: KeyFamily): Promise<ApiResult> {
  // The lookup Toss's webhook brings news with (our re-fetch): one prepared statement (lib/sql.ts).
  const where = "paymentKey" in by ? Prisma.sql`"paymentKey" = ${by.paymentKey}` : Prisma.sql`"orderId" = ${by.orderId}`;
  const [found] = await queryRows<SandboxPayment>(Prisma.sql`SELECT * FROM "SandboxPayment" WHERE ${where} AND "merchantId" = ${merchantId} AND "keyFamily" = ${keyFamily}`);
  if (!found) throw new TossSandboxError("NOT_FOUND_PAYMENT");
  const payment = await expireIfStale(found);
  return { status: 200, body: toPaymentObject(payment, env.appUrl) };
}
