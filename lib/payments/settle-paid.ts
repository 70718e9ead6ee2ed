import "server-only";
import { Prisma } from "@/lib/db";
import type { Order } from "@/lib/generated/prisma/client";
import { LOT_PRIORITY } from "@/lib/credits/lots";
import { env } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { tagError } from "@/lib/observability/report";
import { queryRows } from "@/lib/sql";
import type { TossPayment } from "@/lib/toss/schemas";
import { allowedFrom } from "./order-status";
import { redact } from "./record-event";
import type { SettleResult, SettleSource } from "./settle-payment";

type Row = Order & { changed: boolean; duplicate: boolean };

/** A webhook delivery to record (and dedupe) in the same statement. */
export interface ReceiptInput {
  transmissionId: string;
  eventType: string;
  retriedCount: number;
}

function parseTossTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * settleFromToss for the commonest news, a payment Toss approved (DONE, nothing canceled), as ONE
 * atomic statement: a data-modifying CTE finds the order (ours only if orderId, amount and paymentKey
 * agree with Toss's payment), moves it to PAID (conditional on its status, as every transition),
 * makes its credit lot and the GRANT naming it (ON CONFLICT DO NOTHING on the one-lot-per-order key),
 * and writes the audit row; it answers the order as it now is. One round trip, one transaction, no
 * BEGIN/COMMIT and no read-back. Null when no order matches: the caller takes the general path, which
 * records why (unknown order, another payment, a mismatch).
 * With `receipt` (a webhook), the same statement dedupes the delivery on its transmission id: one
 * already processed changes nothing ("duplicate"); otherwise its receipt is written as processed.
 */
export async function settlePaid(
  target: { id: string } | { orderId: string },
  payment: TossPayment,
  source: SettleSource,
  traceId: string | null,
  receipt?: ReceiptInput,
): Promise<SettleResult | "duplicate" | null> {
  // Whoever reports a failure from here (lib/observability) knows the order and Toss's trace.
  return settlePaidOnce(target, payment, source, traceId, receipt).catch((error: unknown) => {
    throw tagError(error, { orderId: payment.orderId, tossTraceId: traceId });
  });
}

async function settlePaidOnce(
  target: { id: string } | { orderId: string },
  payment: TossPayment,
  source: SettleSource,
  traceId: string | null,
  receipt?: ReceiptInput,
): Promise<SettleResult | "duplicate" | null> {
  const byOrder = "id" in target ? Prisma.sql`"id" = ${target.id}` : Prisma.sql`"orderId" = ${target.orderId}`;
  const payload = JSON.stringify(
    redact({ source, method: payment.method, totalAmount: payment.totalAmount, balanceAmount: payment.balanceAmount }),
  );
  const approvedAt = parseTossTime(payment.approvedAt) ?? new Date();
  const transmissionId = receipt?.transmissionId ?? null;
  const rows = await queryRows<Row>(Prisma.sql`
    WITH "processed" AS (
      SELECT 1 FROM "TossWebhookReceipt" WHERE "transmissionId" = ${transmissionId} AND "processedAt" IS NOT NULL
    ), "found" AS (
      SELECT * FROM "Order"
      WHERE ${byOrder} AND "orderId" = ${payment.orderId} AND "amount" = ${payment.totalAmount}
        AND ("paymentKey" IS NULL OR "paymentKey" = ${payment.paymentKey}) AND NOT EXISTS (SELECT 1 FROM "processed")
    ), "moved" AS (
      UPDATE "Order" o SET
        "status" = 'PAID', "paymentKey" = ${payment.paymentKey}, "method" = COALESCE(${payment.method ?? null}, o."method"),
        "tossStatus" = ${payment.status}, "receiptUrl" = COALESCE(${payment.receipt?.url ?? null}, o."receiptUrl"),
        "approvedAt" = (${approvedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "failureCode" = NULL, "failureMessage" = NULL, "confirmAttemptedAt" = NULL,
        "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM "found" f
      WHERE o."id" = f."id" AND o."status"::text = ANY(${allowedFrom("PAID")}::text[])
      RETURNING o.*
    ), "lot" AS (
      INSERT INTO "CreditLot" ("id", "userId", "source", "orderId", "amount", "remaining", "priority", "expiresAt", "reason", "createdAt")
      SELECT gen_random_uuid()::text, m."userId", 'ORDER'::"CreditLotSource", m."id", m."credits", m."credits", ${LOT_PRIORITY.PAID}::int,
             now() + ${env.creditValidityMonths}::int * interval '1 month', m."orderName" || ' 구매', now()
      FROM "moved" m WHERE m."credits" > 0
      ON CONFLICT ("orderId") DO NOTHING
      RETURNING "id", "userId", "orderId", "amount", "reason"
    ), "granted" AS (
      INSERT INTO "CreditLedger" ("id", "userId", "orderId", "kind", "amount", "reason", "lotId", "createdAt")
      SELECT gen_random_uuid()::text, l."userId", l."orderId", 'GRANT'::"CreditEntryKind", l."amount", l."reason", l."id",
             now() AT TIME ZONE 'UTC'
      FROM "lot" l
      ON CONFLICT DO NOTHING
      RETURNING "userId", "amount"
    ), "event" AS (
      INSERT INTO "PaymentEvent" ("id", "orderId", "paymentKey", "type", "status", "tossTraceId", "payload", "createdAt")
      SELECT gen_random_uuid()::text, f."id", ${payment.paymentKey},
             CASE WHEN EXISTS (SELECT 1 FROM "moved") THEN 'SETTLE_PAID' ELSE 'SETTLE_STATUS_UNCHANGED' END,
             ${payment.status}, ${traceId}, ${payload}::jsonb, now() AT TIME ZONE 'UTC'
      FROM "found" f
    ), "receipt" AS (
      INSERT INTO "TossWebhookReceipt" ("id", "transmissionId", "eventType", "retriedCount", "receivedAt", "processedAt", "outcome", "orderId")
      SELECT gen_random_uuid()::text, ${transmissionId}, ${receipt?.eventType ?? null}, ${receipt?.retriedCount ?? 0}::int,
             now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
             CASE WHEN EXISTS (SELECT 1 FROM "moved") THEN 'SETTLED' ELSE 'UNCHANGED' END, f."orderId"
      FROM "found" f WHERE ${transmissionId}::text IS NOT NULL
      ON CONFLICT ("transmissionId") DO UPDATE
        SET "processedAt" = EXCLUDED."processedAt", "outcome" = EXCLUDED."outcome", "orderId" = EXCLUDED."orderId",
            "retriedCount" = EXCLUDED."retriedCount"
        WHERE "TossWebhookReceipt"."processedAt" IS NULL
    )
    SELECT m.*, true AS "changed", false AS "duplicate" FROM "moved" m
    UNION ALL
    SELECT f.*, false AS "changed", false AS "duplicate" FROM "found" f WHERE NOT EXISTS (SELECT 1 FROM "moved")
    UNION ALL
    SELECT o.*, false AS "changed", true AS "duplicate" FROM "Order" o WHERE o."orderId" = ${payment.orderId} AND EXISTS (SELECT 1 FROM "processed")`);
  const row = rows[0];
  if (!row) return null;
  const { changed, duplicate, ...order } = row;
  if (duplicate) return "duplicate";
  logEvent("info", `payment.SETTLE_${changed ? "PAID" : "STATUS_UNCHANGED"}`, {
    orderId: order.orderId,
    paymentKey: payment.paymentKey,
    status: payment.status,
    tossTraceId: traceId ?? undefined,
  });
  return { order: order as Order, changed };
}
