import "server-only";
import { db } from "@/lib/db";
import type { Order } from "@/lib/generated/prisma/client";
import { confirmTossPayment } from "@/lib/toss/confirm-payment";
import { TossApiError } from "@/lib/toss/errors";
import { getTossPayment } from "@/lib/toss/get-payment";
import { claimOrderForConfirm } from "./claim-order";
import { paymentErrors } from "./errors";
import { recordPaymentEvent } from "./record-event";
import { settleFromToss } from "./settle-payment";

export interface ConfirmInput {
  paymentKey: string;
  orderId: string;
  amount: number;
}

export type ConfirmOutcome =
  /** settled (PAID, WAITING_FOR_DEPOSIT, or whatever state the order is in now) */
  | { kind: "settled"; order: Order }
  /** Toss's answer did not arrive; the order is marked confirm-attempted and reconciliation settles it */
  | { kind: "processing"; order: Order; retryAfterSeconds: number };

export const CONFIRM_RETRY_AFTER_SECONDS = 3;

/**
 * The success page's confirm (route and server action share it). Owner only; the amount is checked
 * against our order before Toss is called; repeated and concurrent calls return the same result and
 * never grant twice (the Idempotency-Key makes Toss answer a repeat with its first answer, and
 * settleFromToss moves the order with conditional updates).
 */
export async function confirmOrder(userId: string, input: ConfirmInput): Promise<ConfirmOutcome> {
  // One statement: find the buyer's order, check the amount, mark the attempt, write its audit row.
  const claim = await claimOrderForConfirm(userId, input);
  if (claim.kind === "not-claimed") {
    const { order } = claim;
    if (order.paymentKey !== null && order.paymentKey !== input.paymentKey) {
      // A settled order answers a refresh with its state; only an open one with another payment is refused.
      if (order.status === "PENDING") throw paymentErrors.paymentKeyMismatch();
      throw paymentErrors.orderNotFound();
    }
    if (order.status !== "PENDING") return { kind: "settled", order };
    return confirmOrderAgain(order.id);
  }
  const attempt = claim.order;
  const order = attempt;

  try {
    const { data: payment, traceId } = await confirmTossPayment({
      paymentKey: input.paymentKey,
      orderId: order.orderId,
      amount: order.amount,
    });
    return { kind: "settled", order: (await settleFromToss(attempt, payment, "confirm", traceId)).order };
  } catch (error) {
    if (!(error instanceof TossApiError)) throw error;
    return handleConfirmError(attempt, error);
  }
}

/** Another request moved the order while we looked: answer with where it is now. */
async function confirmOrderAgain(orderDbId: string): Promise<ConfirmOutcome> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderDbId } });
  if (order.status === "PENDING" && order.confirmAttemptedAt) {
    return { kind: "processing", order, retryAfterSeconds: CONFIRM_RETRY_AFTER_SECONDS };
  }
  if (order.status === "PENDING") throw paymentErrors.paymentKeyMismatch();
  return { kind: "settled", order };
}

async function handleConfirmError(order: Order, error: TossApiError): Promise<ConfirmOutcome> {
  await recordPaymentEvent(db, {
    orderDbId: order.id,
    orderId: order.orderId,
    paymentKey: order.paymentKey,
    type: "CONFIRM_FAILED",
    status: error.code,
    traceId: error.traceId,
    payload: { kind: error.kind, code: error.code, status: error.status, message: error.message },
  });

  // "Already processed" means: look it up, and settle from Toss's state.
  if (error.code === "ALREADY_PROCESSED_PAYMENT") {
    try {
      const { data, traceId } = await getTossPayment(order.paymentKey!);
      return { kind: "settled", order: (await settleFromToss(order, data, "lookup", traceId)).order };
    } catch (lookupError) {
      if (!(lookupError instanceof TossApiError)) throw lookupError;
      return processing(order);
    }
  }
  if (error.kind === "final") {
    // Toss refused: the order stays PENDING with the failure recorded; the buyer may pay again.
    await db.order.updateMany({
      where: { id: order.id, status: "PENDING", paymentKey: order.paymentKey },
      data: { failureCode: error.code, failureMessage: error.message, confirmAttemptedAt: null, paymentKey: null },
    });
    throw paymentErrors.tossRefused(error.code, error.message);
  }
  return processing(order);
}

/** Toss's answer is unknown; a webhook may have settled the order meanwhile, so look before saying so. */
async function processing(order: Order): Promise<ConfirmOutcome> {
  const current = await db.order.findUniqueOrThrow({ where: { id: order.id } });
  if (current.status !== "PENDING") return { kind: "settled", order: current };
  return { kind: "processing", order: current, retryAfterSeconds: CONFIRM_RETRY_AFTER_SECONDS };
}
