// What an operator's refund would cancel at Toss and take back from the pack's lot: pure, no I/O
// (table-tested in tests/unit/admin/refund-plan.test.ts). No server-only import: the refund form shows
// the same estimate.
import { cancelReversals, type CancelEntry } from "@/lib/credits/cancel-reversals";

/** An order as far as its cancels' arithmetic goes. */
export interface PlanOrder {
  amount: number;
  credits: number;
  orderName: string;
}

/**
 * The won that buy back exactly `unused` credits of a pack: ceil(unused × amount / credits), at most
 * `cancelable` (what Toss can still cancel). The inverse of proportionalCredits: for a pack whose
 * credits cost at least ₩1 each (credits ≤ amount), a = ceil(u·A/C) gives u·A ≤ a·C ≤ u·A + C − 1 < (u + 1)·A,
 * so floor(a·C/A) = u exactly. Integer arithmetic only.
 */
export function unusedRefundAmount(order: Pick<PlanOrder, "amount" | "credits">, unused: number, cancelable: number): number {
  if (unused <= 0 || order.credits <= 0 || cancelable <= 0) return 0;
  const share = Math.floor((unused * order.amount + order.credits - 1) / order.credits);
  return Math.min(share, cancelable);
}

/** The payment as Toss has it now, as far as the next cancel's credits go. */
export interface PlanPayment {
  paymentKey: string;
  /** what Toss can still cancel (Toss's `balanceAmount`: the amount less every completed cancel) */
  balanceAmount: number;
  cancels?: CancelEntry[] | null;
}

const NEXT_CANCEL = "\u0000next-cancel";

/**
 * Credits a new cancel of `cancelAmount` would take back, computed by the very function the settle
 * uses (cancelReversals) on Toss's cancels plus this one: floor of its share, or, when it brings the
 * payment to nothing, all the grant the earlier cancels left. `calledForSoFar` is what the order's
 * REVERSAL entries already called for (taken + shortfall): the settle never reverses beyond the grant.
 */
export function creditsCalledFor(order: PlanOrder, payment: PlanPayment, cancelAmount: number, calledForSoFar: number): number {
  const closes = cancelAmount >= payment.balanceAmount;
  const next = cancelReversals(order, {
    paymentKey: payment.paymentKey,
    status: closes ? "CANCELED" : "PARTIAL_CANCELED",
    cancels: [...(payment.cancels ?? []), { transactionKey: NEXT_CANCEL, cancelAmount, cancelStatus: "DONE" }],
  });
  const credits = next.find((r) => r.transactionKey === NEXT_CANCEL)?.credits ?? 0;
  return Math.min(credits, Math.max(0, order.credits - calledForSoFar));
}
