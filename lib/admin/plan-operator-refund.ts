import "server-only";
import { getOrderLot } from "@/lib/credits/lots";
import { db } from "@/lib/db";
import { formatWon } from "@/lib/format";
import type { Order } from "@/lib/generated/prisma/client";
import { paymentErrors } from "@/lib/payments/errors";
import { ORDER_STATUS_LABELS, type OrderStatus } from "@/lib/payments/order-status";
import { settleFromToss } from "@/lib/payments/settle-payment";
import { getTossPayment, secretKeyForOrder } from "@/lib/toss/get-payment";
import { TossApiError } from "@/lib/toss/errors";
import { adminErrors } from "./errors";
import { creditsCalledFor, unusedRefundAmount } from "./refund-plan";
import type { RefundInput } from "./schemas";

export type OperatorRefundKind = "full" | "partial" | "unused";

export interface OperatorRefundPlan {
  /** the order as settled from Toss just now */
  order: Order;
  /** won to cancel; undefined: all Toss can still cancel */
  cancelAmount: number | undefined;
  /** what Toss could still cancel when asked */
  cancelable: number;
  /** credits the cancel will take back from the pack's lot, and what of them the lot no longer has */
  credits: number;
  shortfall: number;
}

/**
 * What an operator's refund would do, worked out on Toss's payment as it is now: fetched and settled onto
 * the order first, so that the lot reflects every cancel Toss has made (one made in Toss's dashboard
 * included) and Toss's `balanceAmount` is, by definition, the amount less every completed cancel: what
 * is left to cancel, to the won. (Our own records cannot say it exactly: a cancel too small to take a
 * credit writes no REVERSAL, and the events record amounts only of the cancels we settled.)
 *
 * `unused`: the won that buy back exactly what the lot has left (refund-plan.ts), at most what is left
 * to cancel. Any kind that would take back more than the lot has (credits spent, held or expired) is
 * refused with CREDITS_SPENT unless the operator accepts the shortfall (`allowNegativeBalance`).
 */
export async function planOperatorRefund(order: Order, input: RefundInput, kind: OperatorRefundKind): Promise<OperatorRefundPlan> {
  let fetched: Awaited<ReturnType<typeof getTossPayment>>;
  try {
    fetched = await getTossPayment(order.paymentKey!, secretKeyForOrder(order));
  } catch (error) {
    if (!(error instanceof TossApiError)) throw error;
    throw error.kind === "final" ? paymentErrors.tossRefused(error.code, error.message) : paymentErrors.tossUnavailable();
  }
  const payment = fetched.data;
  const { order: settled } = await settleFromToss(order, payment, "operator", fetched.traceId);
  if (settled.status !== "PAID" && settled.status !== "PARTIAL_CANCELED") {
    throw adminErrors.notRefundable(`토스에서 확인해 보니 ${ORDER_STATUS_LABELS[settled.status as OrderStatus]} 주문이라 환불할 수 없어요.`);
  }

  const [lot, reversed] = await Promise.all([
    getOrderLot(order.orderId),
    db.creditLedger.aggregate({ where: { orderId: order.id, kind: "REVERSAL" }, _sum: { amount: true, shortfall: true } }),
  ]);
  // What the order's reversals called for so far, taken or short: the settle never reverses beyond the grant.
  const calledForSoFar = -(reversed._sum.amount ?? 0) + (reversed._sum.shortfall ?? 0);
  const remaining = lot?.remaining ?? 0;
  const cancelable = payment.balanceAmount;

  let cancelAmount: number | undefined;
  if (kind === "unused") {
    if (lot?.expiresAt && lot.expiresAt.getTime() <= Date.now()) {
      throw adminErrors.nothingUnused("이 팩의 크레딧은 유효기간이 지났어요. 환불하려면 금액을 지정해 부분 환불하거나 전액 환불을 선택해 주세요.");
    }
    if (remaining === 0) {
      const held = lot?.held ? ` 예약 중인 ${lot.held}개는 작업이 끝나야 돌아와요.` : "";
      throw adminErrors.nothingUnused(`이 팩에 남은 크레딧이 없어 미사용분으로 환불할 금액이 없어요.${held}`);
    }
    cancelAmount = unusedRefundAmount(order, remaining, cancelable);
  } else if (kind === "partial") {
    if (input.amount! > cancelable) throw adminErrors.notRefundable(`환불 금액은 남은 결제 금액(${formatWon(cancelable)})을 넘을 수 없어요.`);
    cancelAmount = input.amount;
  }

  const credits = creditsCalledFor(order, payment, cancelAmount ?? cancelable, calledForSoFar);
  if (credits > remaining && !input.allowNegativeBalance) {
    throw adminErrors.creditsSpent({ remaining, amount: lot?.amount ?? order.credits }, credits);
  }
  return { order: settled, cancelAmount, cancelable, credits, shortfall: Math.max(0, credits - remaining) };
}
