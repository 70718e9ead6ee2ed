// 자동결제's time limits in the sandbox. Toss documents the authKey as single-use ("일회성 인증 키") but
// not how long it lives, nor how long the registration window stays open: the sandbox gives the window
// the payment window's 30 minutes and the authKey 10 minutes, the time a payment waits for its confirm.
// Pure.
import { CONFIRM_WINDOW_MS, PAYMENT_WINDOW_MS } from "../windows";

export const BILLING_WINDOW_MS = PAYMENT_WINDOW_MS;
export const AUTH_KEY_VALID_MS = CONFIRM_WINDOW_MS;

export interface BillingAuthTimes {
  status: string;
  requestedAt: Date;
  authenticatedAt: Date | null;
}

/** The registration window has closed: 등록 can no longer be pressed. */
export function billingWindowClosed(auth: BillingAuthTimes, now: Date): boolean {
  return auth.status === "READY" && now.getTime() - auth.requestedAt.getTime() > BILLING_WINDOW_MS;
}

/** The authKey has lapsed: it can no longer be exchanged for a billing key. */
export function authKeyExpired(auth: BillingAuthTimes, now: Date): boolean {
  return auth.authenticatedAt === null || now.getTime() - auth.authenticatedAt.getTime() > AUTH_KEY_VALID_MS;
}
