import "server-only";
import { db } from "@/lib/db";
import { paymentErrors } from "./errors";
import { recordPaymentEvent } from "./record-event";

export interface FailureInput {
  code: string;
  message: string;
  orderId: string;
}

/** The buyer closed or canceled Toss's window: the only failure that closes the order. */
export const USER_CANCEL_CODE = "PAY_PROCESS_CANCELED";

/**
 * Records what the fail redirect reported (handlePaymentFailure). A buyer's own cancel → CANCELED; any
 * other failure keeps the order PENDING with the failure recorded, so the buyer can try again.
 * Owner only; an order that is already settled is left as it is (the redirect is not proof of anything).
 */
export async function failOrder(userId: string, input: FailureInput) {
  const order = await db.order.findUnique({ where: { orderId: input.orderId } });
  if (!order || order.userId !== userId) throw paymentErrors.orderNotFound();

  const canceled = input.code === USER_CANCEL_CODE;
  return db.$transaction(async (tx) => {
    // Only an order with no confirm in flight: a fail redirect must not close an order Toss may approve.
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: "PENDING", confirmAttemptedAt: null },
      data: canceled
        ? { status: "CANCELED", canceledAt: new Date(), failureCode: input.code, failureMessage: input.message }
        : { failureCode: input.code, failureMessage: input.message },
    });
    await recordPaymentEvent(tx, {
      orderDbId: order.id,
      orderId: order.orderId,
      type: canceled ? "BUYER_CANCELED" : "PAYMENT_FAILED",
      status: input.code,
      payload: { code: input.code, message: input.message, applied: count === 1 },
    });
    return tx.order.findUniqueOrThrow({ where: { id: order.id } });
  });
}
