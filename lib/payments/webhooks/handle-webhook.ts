import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logEvent } from "@/lib/log";
import { TossApiError } from "@/lib/toss/errors";
import { getTossPayment, getTossPaymentByOrderId, getTossPaymentOfEitherPair } from "@/lib/toss/get-payment";
import { recordPaymentEvent } from "../record-event";
import { settlePaid } from "../settle-paid";
import { depositSecretMatches, settleFromToss } from "../settle-payment";
import { acknowledgeIfAlreadySettled, CONFIRM_IN_FLIGHT_WAIT_MS } from "./already-settled";
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
  // The commonest delivery, Toss approved a payment: news we already have when our confirm settled it
  // (one statement, Toss not asked: ./already-settled.ts); otherwise re-fetched from Toss, then the
  // receipt, its dedupe and the settle in one statement (lib/payments/settle-paid.ts). Anything else:
  // the general path.
  let prefetched: Fetched | null | undefined;
  if (event.kind === "PAYMENT_STATUS_CHANGED") {
    let known = await acknowledgeIfAlreadySettled(event.data, transmission);
    let waitedMs = 0;
    if (known !== null && typeof known === "object") {
      // Our confirm of this very payment is under way (the success page raced Toss's webhook): its settle
      // is moments away. Give it until CONFIRM_IN_FLIGHT_WAIT_MS after its claim and look once more;
      // still not settled (the confirm died or Toss is slow to answer it), Toss is asked as ever.
      waitedMs = CONFIRM_IN_FLIGHT_WAIT_MS - known.confirmingForMs;
      await sleep(waitedMs);
      known = await acknowledgeIfAlreadySettled(event.data, transmission);
    }
    if (known === "UNCHANGED" || known === "DUPLICATE") {
      logEvent("info", "webhook.handled", { kind: event.kind, transmissionId: transmission.id, outcome: known, orderId: event.data.orderId, refetched: false, waitedMs });
      return known;
    }
    prefetched = await fetchFromToss(() =>
      getTossPaymentOfEitherPair({ paymentKey: event.data.paymentKey }, { billingFirst: (event.data as { type?: unknown }).type === "BILLING" }),
    );
    const settled = prefetched && (await settleApprovedWithReceipt(event.kind, prefetched, transmission));
    if (settled) return settled;
  }

  if (event.kind === "DEPOSIT_CALLBACK") return handleDepositCallback(event, transmission);

  // Seen before but not finished (our earlier failure): handle it again; the effects are idempotent.
  if (transmission.id && (await receiveOnce(transmission.id, event.kind, transmission.retriedCount)) === "processed") {
    return "DUPLICATE";
  }

  return finish(event.kind, transmission, await dispatch(event, prefetched));
}

/**
 * Toss's answer says approved (DONE, nothing canceled): the receipt, its dedupe and the settle in one
 * statement (lib/payments/settle-paid.ts). Null when that is not Toss's answer or no order matches.
 */
async function settleApprovedWithReceipt(
  kind: WebhookEvent["kind"],
  fetched: Fetched,
  transmission: Transmission,
): Promise<WebhookOutcome | null> {
  const payment = fetched.data;
  if (payment.status !== "DONE" || payment.cancels?.length) return null;
  const receipt = transmission.id ? { transmissionId: transmission.id, eventType: kind, retriedCount: transmission.retriedCount } : undefined;
  const settled = await settlePaid({ orderId: payment.orderId }, payment, "webhook", fetched.traceId, receipt);
  if (!settled) return null;
  const outcome: WebhookOutcome = settled === "duplicate" ? "DUPLICATE" : settled.changed ? "SETTLED" : "UNCHANGED";
  logEvent("info", "webhook.handled", { kind, transmissionId: transmission.id, outcome, orderId: payment.orderId });
  return outcome;
}

/** Marks the delivery's receipt processed with what was done, and says so. */
async function finish(
  kind: WebhookEvent["kind"],
  transmission: Transmission,
  { outcome, orderId }: { outcome: WebhookOutcome; orderId: string | null },
): Promise<WebhookOutcome> {
  if (transmission.id) {
    await db.tossWebhookReceipt.update({
      where: { transmissionId: transmission.id },
      data: { processedAt: new Date(), outcome, orderId },
    });
  }
  logEvent("info", "webhook.handled", { kind, transmissionId: transmission.id, outcome, orderId });
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

type Fetched = Awaited<ReturnType<typeof getTossPayment>>;

async function dispatch(
  event: Exclude<WebhookEvent, { kind: "DEPOSIT_CALLBACK" }>,
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
  const fetched = await fetchFromToss(() => getTossPaymentOfEitherPair({ paymentKey }));
  if (!fetched) return { outcome: "UNKNOWN_ORDER" as const, orderId: null };
  return settleFetched(fetched.data, fetched.traceId, source);
}

async function settleByOrderId(orderId: string, source: string) {
  const fetched = await fetchFromToss(() => getTossPaymentOfEitherPair({ orderId }));
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

/**
 * The receipt of a deposit callback and the order it names, in one statement: the receipt inserted if
 * new (deduped on the transmission id), whether an earlier delivery of it was processed, and the
 * order's deposit secret to match.
 */
async function receiveDepositCallback(transmission: Transmission, orderId: string) {
  const rows = await db.$queryRaw<{ processed: boolean; id: string | null; depositSecret: string | null }[]>`
    WITH "inserted" AS (
      INSERT INTO "TossWebhookReceipt" ("id", "transmissionId", "eventType", "retriedCount", "receivedAt")
      SELECT gen_random_uuid()::text, ${transmission.id}, 'DEPOSIT_CALLBACK', ${transmission.retriedCount}::int, now() AT TIME ZONE 'UTC'
      WHERE ${transmission.id}::text IS NOT NULL
      ON CONFLICT ("transmissionId") DO NOTHING
    )
    SELECT EXISTS (SELECT 1 FROM "TossWebhookReceipt" WHERE "transmissionId" = ${transmission.id} AND "processedAt" IS NOT NULL) AS "processed",
           o."id", o."depositSecret"
    FROM (SELECT 1) AS "one" LEFT JOIN "Order" o ON o."orderId" = ${orderId}`;
  const row = rows[0]!;
  return { processed: row.processed, order: row.id ? { id: row.id, depositSecret: row.depositSecret } : null };
}

/**
 * A virtual account's deposit (or its cancel): the receipt and the order in one statement, the secret
 * matched, Toss asked for its current state, and the commonest news (DONE) settled together with the
 * receipt in one more: two round trips and Toss.
 */
async function handleDepositCallback(event: Extract<WebhookEvent, { kind: "DEPOSIT_CALLBACK" }>, transmission: Transmission): Promise<WebhookOutcome> {
  const { processed, order } = await receiveDepositCallback(transmission, event.orderId);
  if (processed) return "DUPLICATE";
  if (!order) return finish(event.kind, transmission, { outcome: "UNKNOWN_ORDER", orderId: event.orderId });
  // No secret stored yet (our confirm's answer was lost): Toss's own state decides, as for any event.
  if (order.depositSecret !== null && !depositSecretMatches(order.depositSecret, event.secret)) {
    await recordPaymentEvent(db, {
      orderDbId: order.id,
      orderId: event.orderId,
      type: "WEBHOOK_SECRET_MISMATCH",
      status: event.status,
      payload: { transactionKey: event.transactionKey },
    });
    throw new AppError({ code: "INVALID_WEBHOOK_SECRET", status: 403, userMessage: "웹훅 검증에 실패했어요." });
  }
  // The secret proves the callback is Toss's, not that it is the latest news: settle from Toss's current
  // state, so that a late or repeated callback can never move the order backwards.
  const fetched = await fetchFromToss(() => getTossPaymentByOrderId(event.orderId));
  if (!fetched) return finish(event.kind, transmission, { outcome: "UNKNOWN_ORDER", orderId: event.orderId });
  const settled = await settleApprovedWithReceipt(event.kind, fetched, transmission);
  if (settled) return settled;
  return finish(event.kind, transmission, await settleFetched(fetched.data, fetched.traceId, "DEPOSIT_CALLBACK"));
}
