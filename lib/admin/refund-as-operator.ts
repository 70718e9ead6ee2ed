import "server-only";
import { proportionalCredits } from "@/lib/credits/cancel-reversals";
import { db } from "@/lib/db";
import { paymentErrors } from "@/lib/payments/errors";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { settleFromToss, type SettleResult } from "@/lib/payments/settle-payment";
import { cancelTossPayment } from "@/lib/toss/cancel-payment";
import { TossApiError } from "@/lib/toss/errors";
import { adminErrors } from "./errors";
import type { Operator } from "./operator";
import type { RefundInput } from "./schemas";

/** What Toss (and the buyer's receipt) is told; the operator's own reason stays in our event log. */
export const OPERATOR_CANCEL_REASON = "고객센터 환불";

/**
 * One Idempotency-Key per operator request (the form's requestId): a retried or double-clicked request
 * is the same cancel at Toss, while a second partial refund of the same order is a new one. The buyer's
 * own `refund-<orderId>` key is one per order and would replay the first answer.
 */
export const operatorCancelIdempotencyKey = (orderId: string, requestId: string) => `admin-cancel-${orderId}-${requestId}`;

export type OperatorRefundOutcome = { kind: "refunded"; result: SettleResult } | { kind: "processing" };

/**
 * A full (no amount) or partial refund made by an operator: recorded first (operator, reason, amount), then
 * Toss cancels, then settleFromToss moves the order and takes the credits back in proportion, exactly once
 * per Toss cancel transaction. When the buyer has already spent credits this refund takes back, the
 * operator must choose `allowNegativeBalance`; otherwise nothing happens.
 */
export async function refundAsOperator(operator: Operator, orderId: string, input: RefundInput): Promise<OperatorRefundOutcome> {
  const order = await db.order.findUnique({ where: { orderId } });
  if (!order) throw adminErrors.orderNotFound();
  if (!order.paymentKey || (order.status !== "PAID" && order.status !== "PARTIAL_CANCELED")) {
    throw adminErrors.notRefundable("결제 완료 또는 부분 취소 상태의 주문만 환불할 수 있어요.");
  }
  if (order.method === "가상계좌") {
    throw adminErrors.notRefundable("가상계좌 결제는 환불 계좌가 필요해서 아직 콘솔에서 환불할 수 없어요. 토스페이먼츠 상점관리자에서 환불해 주세요.");
  }
  if (input.amount !== undefined && input.amount > order.amount) {
    throw adminErrors.notRefundable(`환불 금액은 결제 금액(${order.amount}원)을 넘을 수 없어요.`);
  }

  const [reversedSoFar, balanceRow] = await Promise.all([
    db.creditLedger.aggregate({ where: { orderId: order.id, kind: "REVERSAL" }, _sum: { amount: true } }),
    db.creditBalance.findUnique({ where: { userId: order.userId } }),
  ]);
  const remaining = order.credits + (reversedSoFar._sum.amount ?? 0);
  const toTake = input.amount === undefined ? remaining : Math.min(remaining, proportionalCredits(input.amount, order.credits, order.amount));
  const balance = balanceRow?.balance ?? 0;
  if (toTake > balance && !input.allowNegativeBalance) throw adminErrors.creditsSpent(balance, toTake);

  const audit = {
    operator: operator.email,
    operatorId: operator.id,
    reason: input.reason,
    requestId: input.requestId,
    cancelAmount: input.amount ?? null,
    allowNegativeBalance: input.allowNegativeBalance,
  };
  // REFUND_REQUESTED also tells reconciliation to look after this order if Toss's answer never comes.
  await recordPaymentEvent(db, {
    orderDbId: order.id,
    orderId: order.orderId,
    paymentKey: order.paymentKey,
    type: "REFUND_REQUESTED",
    payload: { source: "operator", kind: input.amount === undefined ? "full" : "partial", ...audit },
  });
  try {
    const { data, traceId } = await cancelTossPayment(
      order.paymentKey,
      { cancelReason: OPERATOR_CANCEL_REASON, ...(input.amount === undefined ? {} : { cancelAmount: input.amount }) },
      operatorCancelIdempotencyKey(order.orderId, input.requestId),
    );
    return { kind: "refunded", result: await settleFromToss(order, data, "operator", traceId) };
  } catch (error) {
    if (!(error instanceof TossApiError)) throw error;
    await recordPaymentEvent(db, {
      orderDbId: order.id,
      orderId: order.orderId,
      paymentKey: order.paymentKey,
      type: "REFUND_FAILED",
      status: error.code,
      traceId: error.traceId,
      payload: { source: "operator", kind: error.kind, code: error.code, message: error.message, ...audit },
    });
    if (error.kind !== "final") return { kind: "processing" };
    throw paymentErrors.tossRefused(error.code, error.message);
  }
}
