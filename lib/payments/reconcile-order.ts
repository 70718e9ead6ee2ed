import "server-only";
import { db } from "@/lib/db";
import type { OrderStatus } from "./order-status";
import { CONFIRM_GRACE_MS, lookUp, settleAttempted, settleWaiting } from "./reconcile";
import { settleFromToss } from "./settle-payment";

export interface ReconcileOrderResult {
  before: OrderStatus;
  after: OrderStatus;
  /** Toss's status of the payment, or null when Toss could not be asked or has no payment for the order */
  tossStatus: string | null;
}

/**
 * Reconciliation of one order, now (the operator console's "Toss에서 다시 확인"): the same steps the cron
 * job takes for it — a confirm with an unknown outcome is settled (re-confirmed with its own
 * Idempotency-Key when Toss still has it IN_PROGRESS), a virtual account is settled or expired, and any
 * other order takes Toss's current state, cancels and their credit reversals included.
 */
export async function reconcileOrder(orderId: string, now = new Date()): Promise<ReconcileOrderResult | null> {
  const order = await db.order.findUnique({ where: { orderId } });
  if (!order) return null;
  const before = order.status as OrderStatus;
  let tossStatus: string | null = null;
  if (order.status === "PENDING" && order.confirmAttemptedAt && order.confirmAttemptedAt.getTime() < now.getTime() - CONFIRM_GRACE_MS) {
    await settleAttempted(order);
  } else if (order.status === "WAITING_FOR_DEPOSIT") {
    await settleWaiting(order, now);
  } else {
    const found = await lookUp(order);
    tossStatus = found?.data.status ?? null;
    // A payment still in Toss's window is the buyer's to finish; its confirm settles it.
    if (found && found.data.status !== "READY" && found.data.status !== "IN_PROGRESS") {
      await settleFromToss(order, found.data, "operator", found.traceId);
    }
  }
  const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
  return { before, after: after.status as OrderStatus, tossStatus: tossStatus ?? after.tossStatus };
}
