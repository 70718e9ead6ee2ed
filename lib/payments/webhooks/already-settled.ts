import "server-only";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/client";

/** Toss's status in a PAYMENT_STATUS_CHANGED body → the order status that already says the same. */
const ALREADY_SETTLED_AS: Partial<Record<string, OrderStatus>> = {
  DONE: "PAID",
  WAITING_FOR_DEPOSIT: "WAITING_FOR_DEPOSIT",
};

/**
 * The commonest delivery is news we already have: Toss approved a payment that our confirm settled a
 * moment earlier. When the order the body names already stands where the body says (same paymentKey,
 * the matching status), there is nothing to act on, so Toss is not asked again: one statement records
 * the receipt (deduped on its transmission id, as every delivery) and an audit row, and the delivery is
 * answered. The body is still never trusted: a match changes nothing, and anything else (an order not
 * yet settled, another payment, a cancel, a mismatch) returns null and takes the re-fetching path.
 */
export async function acknowledgeIfAlreadySettled(
  data: { paymentKey: string; orderId?: string; status?: unknown; method?: unknown },
  transmission: { id: string | null; retriedCount: number },
): Promise<"UNCHANGED" | "DUPLICATE" | null> {
  const settledAs = typeof data.status === "string" ? ALREADY_SETTLED_AS[data.status] : undefined;
  if (!settledAs || !data.orderId) return null;
  // A virtual account's DONE is a deposit: news by nature, so no statement is spent looking for it.
  if (data.status === "DONE" && data.method === "가상계좌") return null;
  const tossStatus = data.status as string;
  const transmissionId = transmission.id;
  const rows = await db.$queryRaw<{ settled: boolean; recorded: boolean }[]>`
    WITH "found" AS (
      SELECT "id", "orderId" FROM "Order"
      WHERE "orderId" = ${data.orderId} AND "paymentKey" = ${data.paymentKey} AND "status" = ${settledAs}::"OrderStatus"
    ), "receipt" AS (
      INSERT INTO "TossWebhookReceipt" ("id", "transmissionId", "eventType", "retriedCount", "receivedAt", "processedAt", "outcome", "orderId")
      SELECT gen_random_uuid()::text, ${transmissionId}, 'PAYMENT_STATUS_CHANGED', ${transmission.retriedCount}::int,
             now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 'UNCHANGED', f."orderId"
      FROM "found" f WHERE ${transmissionId}::text IS NOT NULL
      ON CONFLICT ("transmissionId") DO UPDATE
        SET "processedAt" = EXCLUDED."processedAt", "outcome" = EXCLUDED."outcome", "orderId" = EXCLUDED."orderId",
            "retriedCount" = EXCLUDED."retriedCount"
        WHERE "TossWebhookReceipt"."processedAt" IS NULL
      RETURNING 1
    ), "event" AS (
      INSERT INTO "PaymentEvent" ("id", "orderId", "paymentKey", "type", "status", "payload", "createdAt")
      SELECT gen_random_uuid()::text, f."id", ${data.paymentKey}, 'WEBHOOK_ALREADY_SETTLED', ${tossStatus},
             jsonb_build_object('source', 'webhook', 'transmissionId', ${transmissionId}::text), now() AT TIME ZONE 'UTC'
      FROM "found" f WHERE ${transmissionId}::text IS NULL OR EXISTS (SELECT 1 FROM "receipt")
    )
    SELECT EXISTS (SELECT 1 FROM "found") AS "settled", EXISTS (SELECT 1 FROM "receipt") AS "recorded"`;
  const row = rows[0]!;
  if (!row.settled) return null;
  // Our receipt of this transmission was already processed: an earlier delivery of the same news.
  return transmissionId && !row.recorded ? "DUPLICATE" : "UNCHANGED";
}
