// The kinds of order the console tells apart (Order.kind), with their Korean names. No server-only
// import: the search form, the CSV form and the badges use them too.
export const ORDER_KINDS = ["CHECKOUT", "PLAN", "TOP_UP"] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_KIND_LABELS: Record<OrderKind, string> = {
  CHECKOUT: "결제창 구매",
  PLAN: "정기 충전",
  TOP_UP: "자동충전",
};
