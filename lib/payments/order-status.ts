// The order status machine: pure, no I/O. Every status change in the database is a conditional update
// `where status in allowedFrom(to)` (lib/payments/transition-order.ts); zero rows updated means another
// request got there first, never a second effect.
//
//   PENDING ──confirm: DONE──────────────────────────▶ PAID ──cancel──▶ CANCELED
//      │  └──confirm: WAITING_FOR_DEPOSIT─▶ WAITING_FOR_DEPOSIT ──deposit──▶ PAID
//      │                                         └──due date / cancel──▶ EXPIRED / CANCELED
//      ├──buyer cancels in Toss's window (PAY_PROCESS_CANCELED)──▶ CANCELED
//      └──no payment within Toss's windows──▶ EXPIRED
//   PAID ──partial cancel──▶ PARTIAL_CANCELED ──rest canceled──▶ CANCELED
//   PENDING / WAITING_FOR_DEPOSIT ──approved and partly canceled before we heard──▶ PARTIAL_CANCELED
//     (granted then, the canceled share taken back: lib/payments/settle-payment.ts)
//
// Any other failure (a card refusal, a Toss error) keeps the order PENDING with the failure recorded,
// so that the buyer can try again.
import type { TossPaymentStatus } from "@/lib/toss/schemas";

export const ORDER_STATUSES = ["PENDING", "WAITING_FOR_DEPOSIT", "PAID", "CANCELED", "PARTIAL_CANCELED", "EXPIRED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ["WAITING_FOR_DEPOSIT", "PAID", "CANCELED", "PARTIAL_CANCELED", "EXPIRED"],
  WAITING_FOR_DEPOSIT: ["PAID", "CANCELED", "PARTIAL_CANCELED", "EXPIRED"],
  PAID: ["CANCELED", "PARTIAL_CANCELED"],
  PARTIAL_CANCELED: ["CANCELED"],
  CANCELED: [],
  EXPIRED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses an order may be in for a move to `to`: the `where` of the conditional update. */
export function allowedFrom(to: OrderStatus): OrderStatus[] {
  return ORDER_STATUSES.filter((from) => canTransition(from, to));
}

export const isFinal = (status: OrderStatus) => TRANSITIONS[status].length === 0;

/**
 * The order status a Toss payment status settles to, or null when it moves nothing:
 * READY / IN_PROGRESS (not yet confirmed) and ABORTED (a failed approval: the buyer may retry).
 */
export function orderStatusForToss(status: TossPaymentStatus): OrderStatus | null {
  switch (status) {
    case "DONE":
      return "PAID";
    case "WAITING_FOR_DEPOSIT":
      return "WAITING_FOR_DEPOSIT";
    case "CANCELED":
      return "CANCELED";
    case "PARTIAL_CANCELED":
      return "PARTIAL_CANCELED";
    case "EXPIRED":
      return "EXPIRED";
    case "READY":
    case "IN_PROGRESS":
    case "ABORTED":
      return null;
  }
}

/** The older notes' names: confirmed = PAID, cancelled = CANCELED, pending = PENDING. */
export const LEGACY_STATUS_NAMES: Record<string, OrderStatus> = {
  pending: "PENDING",
  confirmed: "PAID",
  cancelled: "CANCELED",
};

/** Korean labels for badges and messages. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: "결제 대기",
  WAITING_FOR_DEPOSIT: "입금 대기",
  PAID: "결제 완료",
  CANCELED: "취소됨",
  PARTIAL_CANCELED: "부분 취소",
  EXPIRED: "만료됨",
};
