import "server-only";
import { grantOperatorLot } from "@/lib/credits/ledger";
import { getBalance } from "@/lib/credits/lots";
import { drawAdjustment } from "@/lib/credits/spend-credits";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { adminErrors } from "./errors";
import type { Operator } from "./operator";
import type { AdjustmentInput } from "./schemas";

export interface AdjustmentResult {
  /** false: this request's adjustment was already made (a retry) */
  applied: boolean;
  balance: number;
}

/** What the buyer sees on their account page; the operator's reason stays in the event log. */
const BUYER_REASON = "운영자 조정";

/**
 * A manual ± adjustment of the buyer's credits from one of their orders, once per request id. + makes a
 * lot of its own (ADJUSTMENT, spent and valid like a paid pack); − is drawn from the buyer's lots in
 * spending order like a spend, and refused when they have fewer credits than that (a balance never
 * goes below zero). The audit event (operator, reason) is written once, with the change.
 */
export async function adjustCreditsAsOperator(operator: Operator, orderId: string, input: AdjustmentInput): Promise<AdjustmentResult> {
  const order = await db.order.findUnique({ where: { orderId } });
  if (!order) throw adminErrors.orderNotFound();
  const grantKey = `admin-adjust-${input.requestId}`;
  let applied: boolean;
  if (input.delta > 0) {
    applied = await db.$transaction(async (tx) => {
      const done = await grantOperatorLot(tx, {
        userId: order.userId,
        kind: "ADJUSTMENT",
        amount: input.delta,
        reason: BUYER_REASON,
        grantKey,
        expiresAt: null,
        orderDbId: order.id,
      });
      if (done) await audit(tx, operator, order, input);
      return done;
    });
  } else {
    try {
      const { created } = await drawAdjustment({
        userId: order.userId,
        amount: -input.delta,
        idempotencyKey: grantKey,
        reason: BUYER_REASON,
        orderDbId: order.id,
      });
      applied = created;
    } catch (error) {
      if (isAppError(error) && error.code === "INSUFFICIENT_CREDITS") {
        throw adminErrors.notEnoughCredits(Number(error.details?.balance ?? 0), -input.delta);
      }
      throw error;
    }
    // The draw and its audit are two statements: a crash between them keeps the draw (its ledger rows
    // name the request's key) without the audit row.
    if (applied) await audit(db, operator, order, input);
  }
  return { applied, balance: await getBalance(order.userId) };
}

async function audit(
  tx: Parameters<typeof recordPaymentEvent>[0],
  operator: Operator,
  order: { id: string; orderId: string; paymentKey: string | null },
  input: AdjustmentInput,
) {
  await recordPaymentEvent(tx, {
    orderDbId: order.id,
    orderId: order.orderId,
    paymentKey: order.paymentKey,
    type: "ADMIN_CREDITS_ADJUSTED",
    payload: { operator: operator.email, operatorId: operator.id, reason: input.reason, delta: input.delta, requestId: input.requestId },
  });
}

