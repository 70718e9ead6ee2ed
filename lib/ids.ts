import { randomBytes } from "node:crypto";

/** Toss's orderId rule: 6-64 characters of A-Z a-z 0-9 - _ = */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9\-_=]{6,64}$/;
/** Toss's customerKey rule: 2-50 characters of letters, digits and - _ = . @ */
export const CUSTOMER_KEY_PATTERN = /^[A-Za-z0-9\-_=.@]{2,50}$/;

// base64url is exactly [A-Za-z0-9-_]: inside both alphabets. 18 random bytes = 144 bits: not guessable.
const random = (bytes: number) => randomBytes(bytes).toString("base64url");

/** A new Toss orderId, e.g. "ord_3q2-Xb…" (28 characters). */
export function newOrderId(): string {
  return `ord_${random(18)}`;
}

/** A user's Toss customerKey, random and stable (stored on the user; never the email). */
export function newCustomerKey(): string {
  return `cus_${random(18)}`;
}
