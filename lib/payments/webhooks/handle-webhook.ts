import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logEvent } from "@/lib/log";
import { TossApiError } from "@/lib/toss/errors";
import { getTossPayment, getTossPaymentByOrderId } from "@/lib/toss/get-payment";
import { recordPaymentEvent } from "../record-event";
import { settlePaid } from "../settle-paid";
import { depositSecretMatches, settleFromToss } from "../settle-payment";
import type { WebhookEvent } from "./parse-webhook";

export type WebhookOutcome = "SETTLED" | "UNCHANGED" | "DUPLICATE" | "IGNORED" | "UNKNOWN_ORDER";

export interface Transmission {
  /** tosspayments-webhook-transmission-id; absent on hand-made requests */
  id: string | null;
  retriedCount: number;
}

/** Our own failure (Toss unreachable): answer 5xx so that Toss retries the delivery later. */
export const retryLater = (cause: unknown) =>
  new AppError({ code: "WEBHOOK_RETRY_LATER", status: 503, userMessage: "잠시 후 다시 보내 주세요.", cause });

/**
 * Handles one delivery. Deduped on Toss's transmission id (a receipt row, inserted once) and on the
 * effect (settleFromToss never applies a transition twice). Acts only on Toss's state re-fetched by
 * paymentKey, or on a deposit callback whose secret matches the one from our confirm.
 */
export async function handleWebhook(event: WebhookEvent, transmission: Transmission): Promise<WebhookOutcome> {
  // The commonest delivery, Toss approved a payment: re-fetched from Toss, then the receipt, its dedupe
  // and the settle in one statement (lib/payments/settle-paid.ts). Anything else: the general path.
  let prefetched: Fetched | null | undefined;
  if (event.kind === "PAYMENT_STATUS_CHANGED") {
    prefetched = await fetchFromToss(() => getTossPayment(event.data.paymentKey));
    const payment = prefetched?.data;
    if (payment && payment.status === "DONE" && !payment.cancels?.length) {
      const receipt = transmission.id
        ? { transmissionId: transmission.id, eventType: event.kind, retriedCount: transmission.retriedCount }
        : undefined;
      const settled = await settlePaid({ orderId: payment.orderId }, payment, "webhook", prefetched!.traceId, receipt);
      if (settled) {
        const outcome: WebhookOutcome = settled === "duplicate" ? "DUPLICATE" : settled.changed ? "SETTLED" : "UNCHANGED";
        logEvent("info", "webhook.handled", { kind: event.kind, transmissionId: transmission.id, outcome, orderId: payment.orderId });
        return outcome;
      }
    }
  }

  // Seen before but not finished (our earlier failure): handle it again; the effects are idempotent.
  if (transmission.id && (await receiveOnce(transmission.id, event.kind, transmission.retriedCount)) === "processed") {
    return "DUPLICATE";
  }

  const { outcome, orderId } = await dispatch(event, prefetched);
  if (transmission.id) {
    await db.tossWebhookReceipt.update({
      where: { transmissionId: transmission.id },
      data: { processedAt: new Date(), outcome, orderId },
    });
  }
  logEvent("info", "webhook.handled", { kind: event.kind, transmissionId: transmission.id, outcome, orderId });
  return outcome;
}

/**
 * The receipt of a delivery, in one statement: inserted if new (ON CONFLICT DO NOTHING on the
 * transmission id), and whether an earlier delivery of it was already processed.
 */
async function receiveOnce(transmissionId: string, eventType: string, retriedCount: number): Promise<"new" | "seen" | "processed"> {
  const rows = await db.$queryRaw<{ inserted: boolean; processed: boolean }[]>`
    WITH "inserted" AS (
      INSERT INTO "TossWebhookReceipt" ("id", "transmissionId", "eventType", "retriedCount", "receivedAt")
      VALUES (gen_random_uuid()::text, ${transmissionId}, ${eventType}, ${retriedCount}, now() AT TIME ZONE 'UTC')
      ON CONFLICT ("transmissionId") DO NOTHING
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM "inserted") AS "inserted",
           EXISTS (SELECT 1 FROM "TossWebhookReceipt" WHERE "transmissionId" = ${transmissionId} AND "processedAt" IS NOT NULL) AS "processed"`;
  const row = rows[0]!;
  return row.inserted ? "new" : row.processed ? "processed" : "seen";
}

type Fetched = Awaited<ReturnType<typeof getTossPayment>>;

async function dispatch(
  event: WebhookEvent,
  prefetched: Fetched | null | undefined,
): Promise<{ outcome: WebhookOutcome; orderId: string | null }> {
  switch (event.kind) {
    case "PAYMENT_STATUS_CHANGED":
      if (prefetched === null) return { outcome: "UNKNOWN_ORDER", orderId: null };
      if (prefetched) return settleFetched(prefetched.data, prefetched.traceId, "PAYMENT_STATUS_CHANGED");
      return settleByPaymentKey(event.data.paymentKey, "PAYMENT_STATUS_CHANGED");
    case "CANCEL_STATUS_CHANGED":
      if (event.data.paymentKey) return settleByPaymentKey(event.data.paymentKey, "CANCEL_STATUS_CHANGED");
      if (event.data.orderId) return settleByOrderId(event.data.orderId, "CANCEL_STATUS_CHANGED");
      return { outcome: "IGNORED", orderId: null };
    case "DEPOSIT_CALLBACK":
      return settleDeposit(event);
    case "OTHER":
      return { outcome: "IGNORED", orderId: null };
  }
}

async function fetchFromToss<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    // A payment Toss does not know is not ours to act on; anything else, ask Toss to retry later.
    if (error instanceof TossApiError && error.kind === "final") return null;
    throw retryLater(error);
  }
}

async function settleByPaymentKey(paymentKey: string, source: string) {
  const fetched = await fetchFromToss(() => getTossPayment(paymentKey));
  if (!fetched) return { outcome: "UNKNOWN_ORDER" as const, orderId: null };
  return settleFetched(fetched.data, fetched.traceId, source);
}

async function settleByOrderId(orderId: string, source: string) {
  const fetched = await fetchFromToss(() => getTossPaymentByOrderId(orderId));
  if (!fetched) return { outcome: "UNKNOWN_ORDER" as const, orderId };
  return settleFetched(fetched.data, fetched.traceId, source);
}

async function settleFetched(
  payment: Awaited<ReturnType<typeof getTossPayment>>["data"],
  traceId: string | null,
  source: string,
): Promise<{ outcome: WebhookOutcome; orderId: string | null }> {
  // The commonest news (an approval, usually already settled by our confirm): one statement that finds
  // the order by Toss's orderId and settles it. No match: the general path below says why.
  if (payment.status === "DONE" && !payment.cancels?.length) {
    const settled = await settlePaid({ orderId: payment.orderId }, payment, "webhook", traceId);
    if (settled && settled !== "duplicate") return { outcome: settled.changed ? "SETTLED" : "UNCHANGED", orderId: settled.order.orderId };
  }
  const order = await db.order.findUnique({ where: { orderId: payment.orderId } });
  if (!order) return { outcome: "UNKNOWN_ORDER", orderId: payment.orderId };
  if (order.paymentKey !== null && order.paymentKey !== payment.paymentKey) {
    // Another payment for our orderId (a retry with a new payment, say): not this order's state.
    await recordPaymentEvent(db, {
      orderDbId: order.id,
      orderId: order.orderId,
      paymentKey: payment.paymentKey,
      type: "WEBHOOK_OTHER_PAYMENT",
      status: payment.status,
      traceId,
      payload: { source },
    });
    return { outcome: "IGNORED", orderId: order.orderId };
  }
  const { changed } = await settleFromToss(order, payment, "webhook", traceId);
  return { outcome: changed ? "SETTLED" : "UNCHANGED", orderId: order.orderId };
}

async function settleDeposit(event: Extract<WebhookEvent, { kind: "DEPOSIT_CALLBACK" }>) {
  const order = await db.order.findUnique({ where: { orderId: event.orderId } });
  if (!order) return { outcome: "UNKNOWN_ORDER" as const, orderId: event.orderId };
  // No secret stored yet (our confirm's answer was lost): Toss's own state decides, as for any event.
  if (order.depositSecret === null) return settleByOrderId(order.orderId, "DEPOSIT_CALLBACK");
  if (!depositSecretMatches(order.depositSecret, event.secret)) {
    await recordPaymentEvent(db, {
      orderDbId: order.id,
      orderId: order.orderId,
      type: "WEBHOOK_SECRET_MISMATCH",
      status: event.status,
      payload: { transactionKey: event.transactionKey },
    });
    throw new AppError({ code: "INVALID_WEBHOOK_SECRET", status: 403, userMessage: "웹훅 검증에 실패했어요." });
  }
  // The secret proves the callback is Toss's, not that it is the latest news: settle from Toss's current
  // state, so that a late or repeated callback can never move the order backwards.
  return settleByOrderId(order.orderId, "DEPOSIT_CALLBACK");
}
