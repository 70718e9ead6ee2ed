import "server-only";
import { grantOperatorLot } from "@/lib/credits/ledger";
import { getBalance } from "@/lib/credits/lots";
import { db } from "@/lib/db";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { adminErrors } from "./errors";
import type { Operator } from "./operator";
import { bonusExpiresAt, type BonusInput } from "./schemas";

export interface BonusResult {
  /** false: this request's bonus was already granted (a retry) */
  applied: boolean;
  balance: number;
  /** when the bonus stops counting: the start of the day after `expiresOn`, Seoul time */
  expiresAt: string;
}

/**
 * Bonus credits for the buyer of one of the orders (a promotion, an apology): a BONUS lot of their own,
 * spent before paid credits and valid through the Seoul day the operator chose, once per request id
 * (the lot's unique grantKey: ten identical requests at once grant one lot). The buyer sees `label`;
 * the operator's reason stays in the audit event, written in the same transaction as the lot.
 */
export async function grantBonusAsOperator(operator: Operator, orderId: string, input: BonusInput): Promise<BonusResult> {
  const order = await db.order.findUnique({ where: { orderId } });
  if (!order) throw adminErrors.orderNotFound();
  const expiresAt = bonusExpiresAt(input.expiresOn);
  const grantKey = `admin-bonus-${input.requestId}`;
  const applied = await db.$transaction(async (tx) => {
    const granted = await grantOperatorLot(tx, {
      userId: order.userId,
      kind: "BONUS",
      amount: input.credits,
      reason: input.label,
      grantKey,
      expiresAt,
      orderDbId: order.id,
    });
    if (granted) {
      await recordPaymentEvent(tx, {
        orderDbId: order.id,
        orderId: order.orderId,
        paymentKey: order.paymentKey,
        type: "ADMIN_CREDITS_BONUS",
        payload: {
          operator: operator.email,
          operatorId: operator.id,
          reason: input.reason,
          credits: input.credits,
          label: input.label,
          expiresOn: input.expiresOn,
          expiresAt: expiresAt.toISOString(),
          requestId: input.requestId,
        },
      });
    }
    return granted;
  });
  if (!applied) {
    // A repeat of the request id: it must be the same grant (Stripe's rule for idempotency keys).
    const lot = await db.creditLot.findUnique({ where: { grantKey }, select: { userId: true, amount: true, reason: true, expiresAt: true } });
    const same = lot && lot.userId === order.userId && lot.amount === input.credits && lot.reason === input.label && lot.expiresAt?.getTime() === expiresAt.getTime();
    if (!same) throw adminErrors.requestIdReused();
  }
  return { applied, balance: await getBalance(order.userId), expiresAt: expiresAt.toISOString() };
}
