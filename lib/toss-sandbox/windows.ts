// Toss's time limits (TOSS.md "Browser flow"): the payment window is valid 30 minutes to authenticate;
// after authentication the merchant has 10 minutes to confirm. A virtual account is due in 7 days here.
// Pure.

export const PAYMENT_WINDOW_MS = 30 * 60 * 1000;
export const CONFIRM_WINDOW_MS = 10 * 60 * 1000;
export const VIRTUAL_ACCOUNT_DUE_MS = 7 * 24 * 60 * 60 * 1000;

export interface WindowedPayment {
  status: string;
  requestedAt: Date;
  authenticatedAt: Date | null;
}

/** True when the payment's window has closed and it should now be EXPIRED. */
export function windowClosed(payment: WindowedPayment, now: Date): boolean {
  if (payment.status === "READY") return now.getTime() - payment.requestedAt.getTime() > PAYMENT_WINDOW_MS;
  if (payment.status === "IN_PROGRESS") {
    return payment.authenticatedAt !== null && now.getTime() - payment.authenticatedAt.getTime() > CONFIRM_WINDOW_MS;
  }
  return false;
}
