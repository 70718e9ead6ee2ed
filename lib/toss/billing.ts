// Toss's billing API (자동결제), spoken with the API individual key pair (env.tossBilling), never the
// checkout's widget pair: exchanging the registration window's authKey for a billing key, charging a
// saved card, and deleting a billing key. TOSS.md "Billing"; the sandbox speaks the same API
// (lib/toss-sandbox/billing). A billing key is a secret: it never reaches the browser or a log line.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { tossRequest } from "./client";
import { tossPaymentSchema } from "./schemas";

/**
 * Toss: a billing charge may take up to 60 s to answer; set the client's timeout to 60 s or more. A
 * charge whose answer is lost is not lost money: it is asked again under the same Idempotency-Key.
 */
export const BILLING_CHARGE_TIMEOUT_MS = 60_000;

export class BillingNotConfiguredError extends Error {
  constructor() {
    super("billing needs NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY and TOSS_BILLING_SECRET_KEY in live mode");
    this.name = "BillingNotConfiguredError";
  }
}

function billingSecretKey(): string {
  if (!env.tossBilling) throw new BillingNotConfiguredError();
  return env.tossBilling.secretKey;
}

/** The Billing object of `POST /v1/billing/authorizations/issue` (the fields this app reads). */
export const tossBillingSchema = z.looseObject({
  mId: z.string().optional(),
  customerKey: z.string(),
  authenticatedAt: z.string().nullish(),
  method: z.string().nullish(),
  billingKey: z.string().min(1),
  cardCompany: z.string().nullish(),
  cardNumber: z.string().nullish(),
  card: z
    .looseObject({
      issuerCode: z.string().nullish(),
      acquirerCode: z.string().nullish(),
      number: z.string().nullish(),
      cardType: z.string().nullish(),
      ownerType: z.string().nullish(),
    })
    .nullish(),
});
export type TossBilling = z.infer<typeof tossBillingSchema>;

/**
 * POST /v1/billing/authorizations/issue: the billing key of a card the buyer just registered. The authKey
 * is single-use: a repeat of this call is refused by Toss, so its key is derived from the authKey (a
 * retry of a lost answer gets the first answer).
 */
export function issueBillingKey(input: { authKey: string; customerKey: string }) {
  return tossRequest("POST", "/v1/billing/authorizations/issue", tossBillingSchema, {
    body: input,
    idempotencyKey: `billing-issue-${createHash("sha256").update(input.authKey).digest("base64url").slice(0, 32)}`,
    secretKey: billingSecretKey(),
  });
}

/**
 * POST /v1/billing/{billingKey}: charges the saved card. `idempotencyKey` must be stable per charge (one
 * per plan period or threshold crossing), so that a retry after a crash or timeout is the same charge.
 */
export function chargeBillingKey(
  billingKey: string,
  input: { customerKey: string; amount: number; orderId: string; orderName: string; customerEmail?: string; customerName?: string },
  idempotencyKey: string,
) {
  if (!Number.isInteger(input.amount) || input.amount <= 0) throw new Error(`chargeBillingKey: amount must be a positive integer, got ${input.amount}`);
  return tossRequest("POST", `/v1/billing/${encodeURIComponent(billingKey)}`, tossPaymentSchema, {
    body: input,
    idempotencyKey,
    secretKey: billingSecretKey(),
    timeoutMs: BILLING_CHARGE_TIMEOUT_MS,
  });
}

/** DELETE /v1/billing/{billingKey}: the card can no longer be charged. Toss answers 200 with no body. */
export function deleteBillingKey(billingKey: string) {
  return tossRequest("DELETE", `/v1/billing/${encodeURIComponent(billingKey)}`, z.unknown(), {
    secretKey: billingSecretKey(),
    emptyBody: true,
  });
}
