import "server-only";
import { getOrderLot } from "@/lib/credits/lots";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { cancelTossPayment, refundIdempotencyKey, type RefundReceiveAccount } from "@/lib/toss/cancel-payment";
import { secretKeyForOrder } from "@/lib/toss/get-payment";
import { TossApiError } from "@/lib/toss/errors";
import { paymentErrors } from "./errors";
import { recordPaymentEvent } from "./record-event";
import { withinRefundWindow } from "./refund-window";
import { settleFromToss, type SettleResult } from "./settle-payment";

export const REFUND_REASON = "구매자 요청 환불";

/** What refundBlocker needs of the order's credit lot (lib/credits/lots.ts getOrderLot). */
export interface RefundLot {
  amount: number;
  remaining: number;
}

/**
 * Whether the buyer may refund this order themselves, and if not why (Korean, shown as is): paid, within
 * the refund window (lib/payments/refund-window.ts), and its own lot untouched: not a credit of this pack
 * spent, held for a job or expired. Credits are spent from the lot that expires first, so buying a
 * second pack and spending the first one's credits leaves the second refundable. The order page, the
 * refund API and the server action all ask this; an operator's refund does not (the refund policy).
 */
export function refundBlocker(
  order: { status: string; credits: number; method: string | null; approvedAt: Date | string | null },
  lot: RefundLot | null,
  now: Date = new Date(),
  windowDays: number = env.refundWindowDays,
): string | null {
  if (order.status !== "PAID") return "결제 완료된 주문만 환불할 수 있어요.";
  if (order.approvedAt && !withinRefundWindow(new Date(order.approvedAt), now, windowDays)) {
    return `결제 후 ${windowDays}일이 지나 직접 환불할 수 없어요. 사용하지 않은 팩의 환불은 고객센터로 문의해 주세요.`;
  }
  if (order.credits > 0 && (!lot || lot.remaining < lot.amount)) return "이 팩의 크레딧을 이미 사용해서 환불할 수 없어요.";
  return null;
}

export type RefundOutcome = { kind: "refunded"; result: SettleResult } | { kind: "processing" };

/**
 * Refunds a paid pack whose credits are unspent: Toss cancel with the order's stable refund
 * Idempotency-Key, then CANCELED and the negative ledger entry in one transaction (settleFromToss).
 * A 가상계좌 payment needs the account the money goes back to.
 */
export async function refundOrder(
  userId: string,
  orderId: string,
  refundReceiveAccount?: RefundReceiveAccount,
): Promise<RefundOutcome> {
  const order = await db.order.findUnique({ where: { orderId } });
  if (!order || order.userId !== userId) throw paymentErrors.orderNotFound();
  const blocker = refundBlocker(order, await getOrderLot(order.orderId));
  if (blocker) throw paymentErrors.notRefundable(blocker);
  if (order.method === "가상계좌" && !refundReceiveAccount) {
    throw paymentErrors.notRefundable("가상계좌 결제는 환불받을 계좌를 입력해 주세요.");
  }

  await recordPaymentEvent(db, {
    orderDbId: order.id,
    orderId: order.orderId,
    paymentKey: order.paymentKey,
    type: "REFUND_REQUESTED",
  });
  try {
    const { data, traceId } = await cancelTossPayment(
      order.paymentKey!,
      { cancelReason: REFUND_REASON, ...(refundReceiveAccount ? { refundReceiveAccount } : {}) },
      refundIdempotencyKey(order.orderId),
      secretKeyForOrder(order),
    );
    return { kind: "refunded", result: await settleFromToss(order, data, "refund", traceId) };
  } catch (error) {
    if (!(error instanceof TossApiError)) throw error;
    await recordPaymentEvent(db, {
      orderDbId: order.id,
      orderId: order.orderId,
      paymentKey: order.paymentKey,
      type: "REFUND_FAILED",
      status: error.code,
      traceId: error.traceId,
      payload: { kind: error.kind, code: error.code, message: error.message },
    });
    // Unknown outcome: the cancel may have happened; Toss's webhook or reconciliation settles it.
    if (error.kind !== "final") return { kind: "processing" };
    throw paymentErrors.tossRefused(error.code, error.message);
  }
}
