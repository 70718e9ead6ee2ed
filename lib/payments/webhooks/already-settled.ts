import "server-only";
import { Prisma } from "@/lib/db";
import { queryRows } from "@/lib/sql";
import type { OrderStatus } from "@/lib/generated/prisma/client";

/** Toss's status in a PAYMENT_STATUS_CHANGED body → the order status that already says the same. */
const ALREADY_SETTLED_AS: Partial<Record<string, OrderStatus>> = {
  DONE: "PAID",
  WAITING_FOR_DEPOSIT: "WAITING_FOR_DEPOSIT",
};

/**
 * How long after our confirm claimed an order a webhook about that very payment waits for the confirm
 * to settle it before asking Toss. The success page's confirm and Toss's webhook race by nature (Toss
 * sends DONE the moment it approves, as it answers our confirm): the confirm's settle is one statement
 * away, so Toss need not be asked what it is about to tell us. Well inside Toss's 10 seconds for a 200.
 */
export const CONFIRM_IN_FLIGHT_WAIT_MS = 1500;

/** What the look found: news already settled, or our confirm of this payment under way for so long. */
export type SettledLook = "UNCHANGED" | "DUPLICATE" | { confirmingForMs: number } | null;

/**
 * The commonest delivery is news we already have: Toss approved a payment that our confirm settled a
 * moment earlier. When the order the body names already stands where the body says (same paymentKey,
 * the matching status), there is nothing to act on, so Toss is not asked again: one statement records
 * the receipt (deduped on its transmission id, as every delivery) and an audit row, and the delivery is
 * answered. The body is still never trusted: a match changes nothing, and anything else (an order not
 * yet settled, another payment, a cancel, a mismatch) takes the re-fetching path. The same statement
 * says when our confirm of this very payment claimed the order less than CONFIRM_IN_FLIGHT_WAIT_MS ago
 * and has not settled it yet: then the caller may wait for it and look again.
 */
export async function acknowledgeIfAlreadySettled(
  data: { paymentKey: string; orderId?: string; status?: unknown; method?: unknown },
  transmission: { id: string | null; retriedCount: number },
): Promise<SettledLook> {
  const settledAs = typeof data.status === "string" ? ALREADY_SETTLED_AS[data.status] : undefined;
  if (!settledAs || !data.orderId) return null;
  // A virtual account's DONE is a deposit: news by nature, so no statement is spent looking for it.
  if (data.status === "DONE" && data.method === "가상계좌") return null;
  const tossStatus = data.status as string;
  const transmissionId = transmission.id;
  const rows = await queryRows<{ settled: boolean; recorded: boolean; confirmingForMs: number | null }>(Prisma.sql`
    WITH "named" AS (
      SELECT "id", "orderId", "status", "confirmAttemptedAt" FROM "Order"
      WHERE "orderId" = ${data.orderId} AND "paymentKey" = ${data.paymentKey}
    ), "found" AS (
      SELECT "id", "orderId" FROM "named" WHERE "status" = ${settledAs}::"OrderStatus"
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
    SELECT EXISTS (SELECT 1 FROM "found") AS "settled", EXISTS (SELECT 1 FROM "receipt") AS "recorded",
           (SELECT floor(EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - n."confirmAttemptedAt") * 1000)::int FROM "named" n
            WHERE n."status" = 'PENDING'
              AND n."confirmAttemptedAt" > now() AT TIME ZONE 'UTC' - make_interval(secs => ${CONFIRM_IN_FLIGHT_WAIT_MS / 1000}::float8)
           ) AS "confirmingForMs"`);
  const row = rows[0]!;
  if (!row.settled) return row.confirmingForMs === null ? null : { confirmingForMs: Math.max(0, row.confirmingForMs) };
  // Our receipt of this transmission was already processed: an earlier delivery of the same news.
  return transmissionId && !row.recorded ? "DUPLICATE" : "UNCHANGED";
}
