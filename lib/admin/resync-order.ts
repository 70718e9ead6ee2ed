import "server-only";
import { db } from "@/lib/db";
import { reconcileOrder, type ReconcileOrderResult } from "@/lib/payments/reconcile-order";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { adminErrors } from "./errors";
import type { Operator } from "./operator";

/** "Toss에서 다시 확인": recorded (operator, reason), then this one order is reconciled from Toss now. */
export async function resyncOrder(operator: Operator, orderId: string, reason: string): Promise<ReconcileOrderResult> {
  const order = await db.order.findUnique({ where: { orderId } });
  if (!order) throw adminErrors.orderNotFound();
  await recordPaymentEvent(db, {
    orderDbId: order.id,
    orderId: order.orderId,
    paymentKey: order.paymentKey,
    type: "ADMIN_RESYNC_REQUESTED",
    status: order.status,
    payload: { operator: operator.email, operatorId: operator.id, reason },
  });
  const result = await reconcileOrder(order.orderId);
  if (!result) throw adminErrors.orderNotFound();
  return result;
}
