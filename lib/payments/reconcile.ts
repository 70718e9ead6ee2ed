import "server-only";
import { rechargeAttempted } from "@/lib/billing/charge-saved-card";
import { db, Prisma } from "@/lib/db";
import type { Order } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { logEvent } from "@/lib/log";
import { reportError, tagError } from "@/lib/observability/report";
import { sqlTimestamp } from "@/lib/sql-time";
import { confirmTossPayment } from "@/lib/toss/confirm-payment";
import { TossApiError } from "@/lib/toss/errors";
import { getTossPaymentByOrderId, secretKeyForOrder } from "@/lib/toss/get-payment";
import { recordPaymentEvent } from "./record-event";
import { settleFromToss } from "./settle-payment";

// Toss's windows (TOSS.md): 30 minutes to authenticate in the payment window, then 10 minutes to confirm.
export const PAYMENT_WINDOW_MS = 40 * 60_000;
/** A confirm younger than this may still be running: leave it to its own request. */
export const CONFIRM_GRACE_MS = 30_000;
const BATCH = 50;
/** How far back a refund request is looked after (Toss keeps idempotency keys 15 days). */
const REFUND_LOOKBACK_MS = 15 * 24 * 60 * 60_000;

export interface ReconcileReport {
  refundsSettled: number;
  confirmsSettled: number;
  confirmsStillUnknown: number;
  pendingExpired: number;
  depositsSettled: number;
  virtualAccountsExpired: number;
  /** orders a step failed on unexpectedly (logged and reported): the run went on with the others */
  failed: number;
}

/**
 * The cron job (GET /api/cron/reconcile). Idempotent and safe when two runs overlap: every change is a
 * conditional update through settleFromToss, and Toss is asked again with the same Idempotency-Key.
 * 1. Orders whose confirm got no answer: settle from Toss's state (re-confirming a payment still
 *    IN_PROGRESS, with the order's own Idempotency-Key).
 * 2. PENDING orders past Toss's windows with no confirm attempted: EXPIRED.
 * 3. Virtual accounts: a missed deposit webhook is settled; past the due date, EXPIRED (Toss sends nothing).
 * 4. Refunds whose answer never came (and whose webhook was missed): a paid order Toss has canceled is
 *    canceled here too, and its credits reversed; a partial cancel takes back its share of them.
 * Steps 1, 3 and 4 each take up to 50 orders a run, the least recently reconciled first.
 */
export async function reconcile(now = new Date()): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    refundsSettled: 0,
    confirmsSettled: 0,
    confirmsStillUnknown: 0,
    pendingExpired: 0,
    depositsSettled: 0,
    virtualAccountsExpired: 0,
    failed: 0,
  };
  // One order's unexpected failure (a bug, a constraint) must not stop the others being settled.
  const guarded = async <T>(order: Order, step: string, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error; // nothing else would get through either
      report.failed++;
      logEvent("error", "reconcile.order_failed", { step, orderId: order.orderId, error: String(error) });
      reportError(tagError(error, { orderId: order.orderId }), `reconcile.${step}`);
      return undefined;
    }
  };

  const attempted = await takeLeastRecentlyReconciled(
    Prisma.sql`"status" = 'PENDING'::"OrderStatus" AND "confirmAttemptedAt" < ${sqlTimestamp(new Date(now.getTime() - CONFIRM_GRACE_MS))}`,
    Prisma.sql`"confirmAttemptedAt" ASC`,
    now,
  );
  for (const order of attempted) {
    const settled = await guarded(order, "confirm", () => settleAttempted(order));
    if (settled) report.confirmsSettled++;
    else if (settled === false) report.confirmsStillUnknown++;
  }

  report.pendingExpired = await expireAbandoned(new Date(now.getTime() - PAYMENT_WINDOW_MS));

  const waiting = await takeLeastRecentlyReconciled(
    Prisma.sql`"status" = 'WAITING_FOR_DEPOSIT'::"OrderStatus"`,
    Prisma.sql`"virtualAccountDueDate" ASC NULLS LAST`,
    now,
  );
  for (const order of waiting) {
    const outcome = await guarded(order, "virtual_account", () => settleWaiting(order, now));
    if (outcome === "PAID") report.depositsSettled++;
    if (outcome === "EXPIRED") report.virtualAccountsExpired++;
  }
  const refunding = await takeLeastRecentlyReconciled(
    Prisma.sql`"status" IN ('PAID'::"OrderStatus", 'PARTIAL_CANCELED'::"OrderStatus") AND EXISTS (
      SELECT 1 FROM "PaymentEvent" e WHERE e."orderId" = "Order"."id" AND e."type" = 'REFUND_REQUESTED'
        AND e."createdAt" > ${sqlTimestamp(new Date(now.getTime() - REFUND_LOOKBACK_MS))})`,
    Prisma.sql`"createdAt" ASC`,
    now,
  );
  for (const order of refunding) {
    const changed = await guarded(order, "refund", async () => {
      const found = await lookUp(order);
      if (!found || (found.data.status !== "CANCELED" && found.data.status !== "PARTIAL_CANCELED")) return false;
      return (await settleFromToss(order, found.data, "reconcile", found.traceId)).changed;
    });
    if (changed) report.refundsSettled++;
  }
  return report;
}

/**
 * Up to BATCH orders matching `where`, those reconciliation asked about least recently (never, first)
 * taken first, and marked as asked now in the same statement. Orders that stay unresolved run after
 * run (Toss unreachable for them, an account days from its due date) thus never keep the others out of
 * the batch; and two overlapping runs take different orders (SKIP LOCKED).
 */
async function takeLeastRecentlyReconciled(where: Prisma.Sql, then: Prisma.Sql, now: Date): Promise<Order[]> {
  return db.$queryRaw<Order[]>`
    UPDATE "Order" AS o SET "reconciledAt" = ${sqlTimestamp(now)}
    FROM (
      SELECT "id" FROM "Order" WHERE ${where}
      ORDER BY "reconciledAt" ASC NULLS FIRST, ${then}
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED
    ) AS picked
    WHERE o."id" = picked."id"
    RETURNING o.*`;
}

/** PENDING orders created before `cutoff` with no confirm attempted → EXPIRED, audited, in one transaction. */
async function expireAbandoned(cutoff: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<{ id: string; orderId: string }[]>`
      UPDATE "Order" SET "status" = 'EXPIRED'::"OrderStatus", "updatedAt" = now()
      WHERE "status" = 'PENDING'::"OrderStatus" AND "confirmAttemptedAt" IS NULL AND "createdAt" < ${cutoff}
      RETURNING "id", "orderId"`;
    if (expired.length) {
      await tx.paymentEvent.createMany({
        data: expired.map((o) => ({ orderId: o.id, type: "SETTLE_EXPIRED", status: "EXPIRED", payload: { source: "reconcile" } })),
      });
      logEvent("info", "reconcile.pending_expired", { count: expired.length, orderIds: expired.map((o) => o.orderId) });
    }
    return expired.length;
  });
}

/** Toss's state of the order's payment, or null when Toss cannot be asked or has none (logged). */
export async function lookUp(order: Order) {
  try {
    return await getTossPaymentByOrderId(order.orderId, secretKeyForOrder(order));
  } catch (error) {
    if (!(error instanceof TossApiError)) throw error;
    logEvent("warn", "reconcile.lookup_failed", { orderId: order.orderId, code: error.code, kind: error.kind });
    return null;
  }
}

/** True when the order left the unknown state. */
export async function settleAttempted(order: Order): Promise<boolean> {
  // An automatic purchase has no payment window: its charge is sent again under the same key.
  if (order.kind !== "CHECKOUT") return rechargeAttempted(order);
  const found = await lookUp(order);
  if (!found) return false;
  let { data: payment, traceId } = found;
  if (payment.status === "IN_PROGRESS" && order.paymentKey === payment.paymentKey) {
    // Authenticated but not confirmed: our confirm never reached Toss. Confirm it now, same key.
    try {
      ({ data: payment, traceId } = await confirmTossPayment({
        paymentKey: payment.paymentKey,
        orderId: order.orderId,
        amount: order.amount,
      }));
    } catch (error) {
      if (!(error instanceof TossApiError)) throw error;
      if (error.kind !== "final") return false;
      await recordPaymentEvent(db, {
        orderDbId: order.id,
        orderId: order.orderId,
        paymentKey: order.paymentKey,
        type: "RECONCILE_CONFIRM_REFUSED",
        status: error.code,
        traceId: error.traceId,
      });
      await db.order.updateMany({
        where: { id: order.id, status: "PENDING" },
        data: { failureCode: error.code, failureMessage: error.message, confirmAttemptedAt: null, paymentKey: null },
      });
      return true;
    }
  }
  if (payment.status === "IN_PROGRESS" || payment.status === "READY") return false;
  await settleFromToss(order, payment, "reconcile", traceId);
  return true;
}

/** A virtual account: settles a missed deposit, or expires it past its due date. */
export async function settleWaiting(order: Order, now: Date): Promise<"PAID" | "EXPIRED" | null> {
  const found = await lookUp(order);
  if (found && found.data.status !== "WAITING_FOR_DEPOSIT") {
    const { order: settled } = await settleFromToss(order, found.data, "reconcile", found.traceId);
    return settled.status === "PAID" ? "PAID" : null;
  }
  if (!order.virtualAccountDueDate || order.virtualAccountDueDate > now) return null;
  // Past the due date and Toss still says waiting (or cannot be asked): Toss will not send a webhook.
  if (!found) return null;
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: "WAITING_FOR_DEPOSIT" },
      data: { status: "EXPIRED", tossStatus: "WAITING_FOR_DEPOSIT" },
    });
    if (count) {
      await recordPaymentEvent(tx, {
        orderDbId: order.id,
        orderId: order.orderId,
        paymentKey: order.paymentKey,
        type: "VIRTUAL_ACCOUNT_EXPIRED",
        status: "EXPIRED",
      });
    }
    return count;
  });
  return count ? "EXPIRED" : null;
}
