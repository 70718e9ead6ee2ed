// How many credits each Toss cancel of a payment takes back: pure, no I/O (table-tested).
// A cancel of `cancelAmount` takes floor(cancelAmount × credits / amount); the cancel that brings the
// payment to nothing (the cancels add up to the order's amount, or the payment is CANCELED and this is
// its last cancel) takes what the others left, so that rounding never leaves credits behind and the
// cancels of one payment always add up to exactly the grant. Each share depends only on the cancel and
// the ones before it, so every settle of the same payment computes the same numbers, whatever it sees.
import { formatWon } from "@/lib/format";

export interface CancelEntry {
  transactionKey: string;
  cancelAmount: number;
  cancelStatus?: string | null;
}

export interface CanceledPayment {
  paymentKey: string;
  status: string;
  cancels?: CancelEntry[] | null;
}

export interface CancelReversal {
  /** the Toss cancel transaction; the ledger's unique key */
  transactionKey: string;
  cancelAmount: number;
  /** credits to take back (> 0) */
  credits: number;
  /** this cancel closes the payment */
  final: boolean;
  /** the ledger entry's reason, shown to the buyer */
  reason: string;
}

/** floor(cancelAmount × credits / amount), in [0, credits]. Integer won and credits: exact. */
export function proportionalCredits(cancelAmount: number, credits: number, amount: number): number {
  if (amount <= 0 || cancelAmount <= 0 || credits <= 0) return 0;
  return Math.min(credits, Math.floor((cancelAmount * credits) / amount));
}

function reasonOf(orderName: string, cancel: { cancelAmount: number; final: boolean }, first: boolean): string {
  if (cancel.final && first) return `${orderName} 결제 취소`;
  if (cancel.final) return `${orderName} 나머지 취소 회수 (${formatWon(cancel.cancelAmount)})`;
  return `${orderName} 부분 취소 회수 (${formatWon(cancel.cancelAmount)})`;
}

/**
 * The reversals a payment's completed cancels call for, oldest first, leaving out cancels too small to
 * take a whole credit. A CANCELED payment that lists no completed cancel (Toss always lists one; this is
 * a safety net) is reversed whole, under a key of its own.
 */
export function cancelReversals(
  order: { amount: number; credits: number; orderName: string },
  payment: CanceledPayment,
): CancelReversal[] {
  const done = (payment.cancels ?? []).filter((c) => c.cancelStatus === "DONE");
  if (done.length === 0 && payment.status === "CANCELED") {
    const whole = { transactionKey: `${payment.paymentKey}:CANCELED`, cancelAmount: order.amount, final: true };
    return order.credits > 0 ? [{ ...whole, credits: order.credits, reason: reasonOf(order.orderName, whole, true) }] : [];
  }

  const reversals: CancelReversal[] = [];
  let canceled = 0;
  let taken = 0;
  done.forEach((cancel, index) => {
    canceled += cancel.cancelAmount;
    const final = canceled >= order.amount || (payment.status === "CANCELED" && index === done.length - 1);
    const share = proportionalCredits(cancel.cancelAmount, order.credits, order.amount);
    const credits = final ? Math.max(0, order.credits - taken) : Math.min(share, order.credits - taken);
    taken += credits;
    const entry = { transactionKey: cancel.transactionKey, cancelAmount: cancel.cancelAmount, final };
    if (credits > 0) reversals.push({ ...entry, credits, reason: reasonOf(order.orderName, entry, index === 0) });
  });
  return reversals;
}
