// The app's billing client (lib/toss/billing.ts) against the sandbox over real HTTP, with the billing key
// pair the app is configured with (Toss's docs API pair here): a card registered in the window, its
// authKey exchanged, charges once per Idempotency-Key, and a deleted key that can no longer be charged.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { chargeBillingKey, deleteBillingKey, issueBillingKey } from "@/lib/toss/billing";
import { TossApiError } from "@/lib/toss/errors";
import { issue, registeredCard } from "../../helpers/toss-billing";
import { basicAuth, newOrderId, type Merchant } from "../../helpers/toss-sandbox";

/** The sandbox merchant of the app's billing pair. */
function appBillingMerchant(): Merchant {
  const keys = env.tossBilling!;
  return { id: "docs", clientKey: keys.clientKey, secretKey: keys.secretKey, authorization: basicAuth(keys.secretKey) };
}

describe("the app's Toss billing client", () => {
  it("issues a billing key for a registered card, charges it once per key, and no more once deleted", async () => {
    const card = await registeredCard(appBillingMerchant(), { customerKey: `cust_${randomUUID()}` });
    const { data: billing } = await issueBillingKey({ authKey: card.authKey, customerKey: card.customerKey });
    expect(billing).toMatchObject({ customerKey: card.customerKey, method: "카드", billingKey: expect.any(String) });
    expect(billing.cardNumber).toMatch(/\*/);

    const orderId = newOrderId("plan");
    const input = { customerKey: card.customerKey, amount: 3000, orderId, orderName: "프로 팩 정기 충전" };
    const key = `plan-${randomUUID()}`;
    const first = await chargeBillingKey(billing.billingKey, input, key);
    expect(first.data).toMatchObject({ orderId, status: "DONE", totalAmount: 3000, type: "BILLING" });
    // A retry after a lost answer: the same charge, not a second one.
    const again = await chargeBillingKey(billing.billingKey, input, key);
    expect(again.data.paymentKey).toBe(first.data.paymentKey);

    // A retry of the exchange (its answer lost) carries the same Idempotency-Key: the same billing key.
    expect((await issueBillingKey({ authKey: card.authKey, customerKey: card.customerKey })).data.billingKey).toBe(billing.billingKey);
    // Without that key the authKey is spent: Toss refuses a second exchange.
    expect((await issue(appBillingMerchant(), { authKey: card.authKey, customerKey: card.customerKey })).status).toBe(404);

    await deleteBillingKey(billing.billingKey);
    const refused = await chargeBillingKey(billing.billingKey, { ...input, orderId: newOrderId("plan") }, `plan-${randomUUID()}`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TossApiError);
    expect(refused).toMatchObject({ kind: "final", code: "INVALID_BILL_KEY_REQUEST" });
  });

  it("refuses another customer's billing key", async () => {
    const card = await registeredCard(appBillingMerchant(), { customerKey: `cust_${randomUUID()}` });
    const { data: billing } = await issueBillingKey(card);
    const refused = await chargeBillingKey(
      billing.billingKey,
      { customerKey: `cust_${randomUUID()}`, amount: 3000, orderId: newOrderId("plan"), orderName: "프로 팩" },
      `plan-${randomUUID()}`,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "NOT_MATCHES_CUSTOMER_KEY" });
  });
});
