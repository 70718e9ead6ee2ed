// The automatic purchases a deployment offers, named as the legal pages name them: the monthly plan
// (정기 충전) whenever billing is available, the threshold top-up (자동충전) only with AUTO_TOP_UP_ENABLED.
// Pure.

/** "정기 충전" or "정기 충전·자동충전" */
export function automaticPurchaseNames(billing: { topUp: boolean }): string {
  return billing.topUp ? "정기 충전·자동충전" : "정기 충전";
}
