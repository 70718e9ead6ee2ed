import "server-only";
import { adjustCredits } from "@/lib/credits/ledger";
import { db } from "@/lib/db";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { adminErrors } from "./errors";
import type { Operator } from "./operator";
import type { AdjustmentInput } from "./schemas";

export interface AdjustmentResult {
  /** false: this request's adjustment was already made (a retry) */
  applied: boolean;
  balance: number;
}

/**
 * A manual ± adjustment of the buyer's credits from one of their orders: an ADJUSTMENT ledger entry, the
 * balance change and the audit event (operator, reason) in one transaction, once per request id.
 */
export async function adjustCreditsAsOperator(operator: Operator, orderId: string, input: AdjustmentInput): Promise<AdjustmentResult> {
  const order = await db.order.findUnique({ where: { orderId } });
  if (!order) throw adminErrors.orderNotFound();
  const applied = await db.$transaction(async (tx) => {
    const done = await adjustCredits(tx, {
      userId: order.userId,
      orderId: order.id,
      amount: input.delta,
      // The buyer sees this line on their account page; the operator's reason stays in the event log.
      reason: "운영자 조정",
      transactionKey: `admin-adjust-${input.requestId}`,
    });
    if (done) {
      await recordPaymentEvent(tx, {
        orderDbId: order.id,
        orderId: order.orderId,
        paymentKey: order.paymentKey,
        type: "ADMIN_CREDITS_ADJUSTED",
        payload: { operator: operator.email, operatorId: operator.id, reason: input.reason, delta: input.delta, requestId: input.requestId },
      });
    }
    return done;
  });
  const balance = (await db.creditBalance.findUnique({ where: { userId: order.userId } }))?.balance ?? 0;
  return { applied, balance };
}
