import "server-only";
import { timingSafeEqual } from "node:crypto";
import { cancelReversals } from "@/lib/credits/cancel-reversals";
import { grantOrderCredits, reverseCanceledCredits } from "@/lib/credits/ledger";
import { db, type Tx } from "@/lib/db";
import type { Order } from "@/lib/generated/prisma/client";
import { tagError } from "@/lib/observability/report";
import type { TossPayment } from "@/lib/toss/schemas";
import { allowedFrom, type OrderStatus } from "./order-status";
import { recordPaymentEvent } from "./record-event";
import { settlePaid } from "./settle-paid";

export type SettleSource = "confirm" | "webhook" | "reconcile" | "refund" | "lookup" | "operator" | "billing";

export interface SettleResult {
  order: Order;
  /**
   * true when this call moved the order or took credits back for a cancel; false when it was already
   * there (or another request won)
   */
  changed: boolean;
}

function parseTossTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whether a Toss payment is this order's payment. Anything else is never settled onto the order. */
export function paymentMatchesOrder(order: Pick<Order, "orderId" | "amount" | "paymentKey">, payment: TossPayment) {
  return (
    payment.orderId === order.orderId &&
    payment.totalAmount === order.amount &&
    (order.paymentKey === null || order.paymentKey === payment.paymentKey)
  );
}

/** Constant-time comparison of a deposit callback's secret with the one stored from the confirm. */
export function depositSecretMatches(stored: string | null, given: string): boolean {
  if (!stored) return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The conditional update at the heart of every transition: 0 rows means someone else got there first. */
async function transition(tx: Tx, order: Order, to: OrderStatus, from: OrderStatus[], data: Partial<Order>) {
  const { count } = await tx.order.updateMany({ where: { id: order.id, status: { in: from } }, data: { ...data, status: to } });
  return count === 1;
}

/**
 * Applies Toss's state of a payment (fetched from Toss, never read from a webhook body) to our order, in
 * one transaction: the status transition, the credit grant, the reversal of every completed cancel not
 * yet applied (in proportion, lib/credits/cancel-reversals.ts), and the audit rows. Safe to call any
 * number of times, concurrently, in any order: it never moves a status backwards, never grants twice and
 * never takes credits back twice for one cancel.
 */
export async function settleFromToss(
  order: Order,
  payment: TossPayment,
  source: SettleSource,
  traceId: string | null = null,
): Promise<SettleResult> {
  // Whoever reports a failure from here (lib/observability) knows the order and Toss's trace.
  return settle(order, payment, source, traceId).catch((error: unknown) => {
    throw tagError(error, { orderId: order.orderId, tossTraceId: traceId });
  });
}

async function settle(order: Order, payment: TossPayment, source: SettleSource, traceId: string | null): Promise<SettleResult> {
  if (!paymentMatchesOrder(order, payment)) {
    await recordPaymentEvent(db, {
      orderDbId: order.id,
      orderId: order.orderId,
      paymentKey: payment.paymentKey,
      type: "PAYMENT_MISMATCH",
      status: payment.status,
      traceId,
      payload: { source, orderId: payment.orderId, totalAmount: payment.totalAmount, expectedAmount: order.amount },
    });
    throw new Error(`settleFromToss: payment ${payment.paymentKey} does not belong to order ${order.orderId}`);
  }

  // The commonest news, an approval with nothing canceled: one statement (lib/payments/settle-paid.ts).
  if (payment.status === "DONE" && !payment.cancels?.length) {
    const settled = await settlePaid({ id: order.id }, payment, source, traceId);
    if (settled !== null && settled !== "duplicate" && settled.changed) return settled;
    // Not moved here: another request settled it (or is settling it) meanwhile; answer with what it did.
    if (settled) return { order: await db.order.findUniqueOrThrow({ where: { id: order.id } }), changed: false };
  }

  const common = {
    paymentKey: payment.paymentKey,
    method: payment.method ?? order.method,
    tossStatus: payment.status,
    receiptUrl: payment.receipt?.url ?? order.receiptUrl,
  };

  const changed = await db.$transaction(async (tx) => {
    let moved = false;
    let event = "STATUS_UNCHANGED";
    switch (payment.status) {
      case "DONE":
        moved = await transition(tx, order, "PAID", allowedFrom("PAID"), {
          ...common,
          approvedAt: parseTossTime(payment.approvedAt) ?? new Date(),
          failureCode: null,
          failureMessage: null,
          confirmAttemptedAt: null,
        });
        if (moved) {
          await grantOrderCredits(tx, order);
          event = "PAID";
        }
        break;
      case "WAITING_FOR_DEPOSIT": {
        const va = payment.virtualAccount;
        moved = await transition(tx, order, "WAITING_FOR_DEPOSIT", allowedFrom("WAITING_FOR_DEPOSIT"), {
          ...common,
          virtualAccountBank: va?.bankCode ?? null,
          virtualAccountNumber: va?.accountNumber ?? null,
          virtualAccountDueDate: parseTossTime(va?.dueDate),
          depositSecret: payment.secret ?? null,
          failureCode: null,
          failureMessage: null,
          confirmAttemptedAt: null,
        });
        if (moved) event = "WAITING_FOR_DEPOSIT";
        break;
      }
      case "CANCELED": {
        const canceledAt = parseTossTime(payment.cancels?.at(-1)?.canceledAt) ?? new Date();
        // A paid order gives its credits back (below, with the cancels); an unpaid one just closes.
        moved =
          (await transition(tx, order, "CANCELED", ["PAID", "PARTIAL_CANCELED"], { ...common, canceledAt })) ||
          (await transition(tx, order, "CANCELED", ["PENDING", "WAITING_FOR_DEPOSIT"], {
            ...common,
            canceledAt,
            confirmAttemptedAt: null,
          }));
        if (moved) event = "CANCELED";
        break;
      }
      case "PARTIAL_CANCELED":
        // Each partial cancel takes back its share of the credits (below); later ones keep the status.
        moved = await transition(tx, order, "PARTIAL_CANCELED", ["PAID"], common);
        if (!moved) {
          // Approved, then partly canceled, before we heard of the approval (our confirm's answer and
          // Toss's DONE both lost, a refund made in Toss's dashboard meanwhile): the buyer paid for the
          // rest, so the order is granted now and the cancels take their share back below.
          moved = await transition(tx, order, "PARTIAL_CANCELED", ["PENDING", "WAITING_FOR_DEPOSIT"], {
            ...common,
            approvedAt: parseTossTime(payment.approvedAt) ?? new Date(),
            failureCode: null,
            failureMessage: null,
            confirmAttemptedAt: null,
          });
          if (moved) await grantOrderCredits(tx, order);
        }
        if (moved) event = "PARTIAL_CANCELED";
        break;
      case "EXPIRED":
        moved = await transition(tx, order, "EXPIRED", allowedFrom("EXPIRED"), { ...common, confirmAttemptedAt: null });
        if (moved) event = "EXPIRED";
        break;
      case "ABORTED":
        // A failed approval: the order stays PENDING with the failure recorded; the buyer may try again.
        await tx.order.updateMany({
          where: { id: order.id, status: "PENDING" },
          data: {
            tossStatus: payment.status,
            failureCode: payment.failure?.code ?? "PAY_PROCESS_ABORTED",
            failureMessage: payment.failure?.message ?? "결제가 중단되었어요.",
            confirmAttemptedAt: null,
            paymentKey: null,
          },
        });
        event = "ABORTED";
        break;
      case "READY":
      case "IN_PROGRESS":
        break;
    }
    // Every completed cancel not applied yet, in one statement; only a granted order has any to take back.
    const due = cancelReversals(order, payment);
    const reversed = await reverseCanceledCredits(tx, order, due);
    if (reversed.length) {
      await recordPaymentEvent(tx, {
        orderDbId: order.id,
        orderId: order.orderId,
        paymentKey: payment.paymentKey,
        type: "CREDITS_REVERSED",
        status: payment.status,
        traceId,
        payload: {
          source,
          reversals: reversed.map(({ transactionKey, credits, shortfall }) => ({
            transactionKey,
            credits,
            shortfall,
            cancelAmount: due.find((d) => d.transactionKey === transactionKey)?.cancelAmount,
          })),
        },
      });
    }
    await recordPaymentEvent(tx, {
      orderDbId: order.id,
      orderId: order.orderId,
      paymentKey: payment.paymentKey,
      type: `SETTLE_${event}`,
      status: payment.status,
      traceId,
      payload: { source, method: payment.method, totalAmount: payment.totalAmount, balanceAmount: payment.balanceAmount },
    });
    return moved || reversed.length > 0;
  });

  return { order: await db.order.findUniqueOrThrow({ where: { id: order.id } }), changed };
}
