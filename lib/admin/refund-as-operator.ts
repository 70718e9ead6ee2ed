import "server-only";
import { db } from "@/lib/db";
import { paymentErrors } from "@/lib/payments/errors";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { settleFromToss, type SettleResult } from "@/lib/payments/settle-payment";
import { cancelTossPayment } from "@/lib/toss/cancel-payment";
import { secretKeyForOrder } from "@/lib/toss/get-payment";
import { TossApiError } from "@/lib/toss/errors";
import { adminErrors } from "./errors";
import type { Operator } from "./operator";
import { planOperatorRefund, type OperatorRefundKind } from "./plan-operator-refund";
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
 * A full (no amount), partial (an amount) or unused-only refund made by an operator: worked out on Toss's
 * payment as it is now (plan-operator-refund.ts), recorded (operator, reason, amount, the credits it
 * should take back), then Toss cancels, then settleFromToss moves the order and takes the credits back
 * from the order's own lot, exactly once per Toss cancel transaction. A refund that would take back
 * credits the buyer already used happens only when the operator accepts that they are recorded as a
 * shortfall (`allowNegativeBalance`, named before balances could not go below zero); otherwise nothing
 * happens. A repeat of a request id sends the same cancel again (Toss answers it from its idempotency
 * store) without working it out anew: what its first attempt decided stands.
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

  const kind: OperatorRefundKind = input.unusedOnly === true ? "unused" : input.amount === undefined ? "full" : "partial";
  const earlier = await earlierAttempt(order.id, input.requestId);
  let target = order;
  let cancelAmount: number | undefined;
  let expected: { credits: number; shortfall: number; cancelable: number } | null = null;
  if (earlier) {
    if (earlier.kind !== kind || (kind === "partial" && earlier.cancelAmount !== input.amount)) throw adminErrors.requestIdReused();
    cancelAmount = earlier.cancelAmount ?? undefined;
  } else {
    const plan = await planOperatorRefund(order, input, kind);
    target = plan.order;
    cancelAmount = plan.cancelAmount;
    expected = { credits: plan.credits, shortfall: plan.shortfall, cancelable: plan.cancelable };
  }

  const audit = {
    operator: operator.email,
    operatorId: operator.id,
    reason: input.reason,
    requestId: input.requestId,
    cancelAmount: cancelAmount ?? null,
    unusedOnly: input.unusedOnly === true,
    allowNegativeBalance: input.allowNegativeBalance,
  };
  // REFUND_REQUESTED also tells reconciliation to look after this order if Toss's answer never comes.
  await recordPaymentEvent(db, {
    orderDbId: order.id,
    orderId: order.orderId,
    paymentKey: order.paymentKey,
    type: "REFUND_REQUESTED",
    payload: { source: "operator", kind, ...audit, ...(expected ? { expected } : { repeated: true }) },
  });
  try {
    const { data, traceId } = await cancelTossPayment(
      order.paymentKey,
      { cancelReason: OPERATOR_CANCEL_REASON, ...(cancelAmount === undefined ? {} : { cancelAmount }) },
      operatorCancelIdempotencyKey(order.orderId, input.requestId),
      secretKeyForOrder(order),
    );
    return { kind: "refunded", result: await settleFromToss(target, data, "operator", traceId) };
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

/** The first REFUND_REQUESTED of this operator request, if it was made before: what it decided to cancel. */
async function earlierAttempt(orderDbId: string, requestId: string): Promise<{ kind: unknown; cancelAmount: number | null } | null> {
  const event = await db.paymentEvent.findFirst({
    where: { orderId: orderDbId, type: "REFUND_REQUESTED", payload: { path: ["requestId"], equals: requestId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (!event) return null;
  const payload = event.payload as { kind?: unknown; cancelAmount?: unknown };
  return { kind: payload.kind, cancelAmount: typeof payload.cancelAmount === "number" ? payload.cancelAmount : null };
}
