// Drives the sandbox's 자동결제 (billing) over real HTTP: a card registration opened the way
// requestBillingAuth() opens it, the registration window's buttons, the authKey exchanged for a billing
// key, and charges. Each test brings its own merchant (tests/helpers/toss-sandbox.ts) and customerKey.
import { randomUUID } from "node:crypto";
import { newOrderId, SANDBOX, tossApi, type Merchant } from "./toss-sandbox";

export function newCustomerKey(): string {
  return `cust_${randomUUID()}`;
}

export interface BillingAuthOptions {
  customerKey?: string;
  sdk?: "v1" | "v2";
  successUrl?: string;
  failUrl?: string;
  customerEmail?: string;
  customerName?: string;
}

/** What requestBillingAuth() sends to open the card registration window. */
export async function openBillingAuth(merchant: Merchant, options: BillingAuthOptions = {}) {
  const customerKey = options.customerKey ?? newCustomerKey();
  const response = await fetch(`${SANDBOX}/widget/billing-auth`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      sdk: options.sdk ?? "v2",
      clientKey: merchant.clientKey,
      customerKey,
      successUrl: options.successUrl ?? "https://shop.example.com/billing/success",
      failUrl: options.failUrl ?? "https://shop.example.com/billing/fail",
      customerEmail: options.customerEmail,
      customerName: options.customerName,
    }),
  });
  const body = (await response.json()) as { authId?: string; checkoutPath?: string; code?: string; message?: string };
  return { status: response.status, body, customerKey, authId: body.authId ?? "" };
}

/** Presses a registration-window button; answers the redirect's Location. */
export async function submitBillingWindow(authId: string, fields: Record<string, string>): Promise<{ status: number; location: string }> {
  const response = await fetch(`${SANDBOX}/billing-auth/${authId}/submit`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

/** Opens a registration and presses 카드 등록: the successUrl's customerKey and authKey. */
export async function registeredCard(merchant: Merchant, options: BillingAuthOptions & { card?: string } = {}) {
  const opened = await openBillingAuth(merchant, options);
  if (opened.status !== 200) throw new Error(`opening the registration failed: ${JSON.stringify(opened.body)}`);
  const { location } = await submitBillingWindow(opened.authId, { intent: "register", ...(options.card ? { card: options.card } : {}) });
  const redirect = new URL(location);
  return { authId: opened.authId, customerKey: redirect.searchParams.get("customerKey") ?? "", authKey: redirect.searchParams.get("authKey") ?? "", redirect };
}

export function issue(merchant: Merchant, body: { authKey: string; customerKey: string }, idempotencyKey?: string) {
  return tossApi(merchant, "POST", "/v1/billing/authorizations/issue", { body, idempotencyKey });
}

export interface Billing {
  billingKey: string;
  customerKey: string;
  [field: string]: unknown;
}

/** A registered card's billing key (the Billing object). */
export async function issuedBillingKey(merchant: Merchant, options: BillingAuthOptions & { card?: string } = {}): Promise<Billing> {
  const card = await registeredCard(merchant, options);
  const answer = await issue(merchant, card);
  if (answer.status !== 200) throw new Error(`issuing the billing key failed: ${JSON.stringify(answer.body)}`);
  return answer.body as unknown as Billing;
}

export interface ChargeBody {
  customerKey: string;
  amount: number | string;
  orderId: string;
  orderName: string;
  [field: string]: unknown;
}

export function chargeBody(billing: Pick<Billing, "customerKey">, overrides: Partial<ChargeBody> = {}): ChargeBody {
  return { customerKey: billing.customerKey, amount: 9_900, orderId: newOrderId("bill"), orderName: "프로 팩 정기 충전", ...overrides };
}

export function charge(merchant: Merchant, billingKey: string, body: ChargeBody | Record<string, unknown>, idempotencyKey?: string) {
  return tossApi(merchant, "POST", `/v1/billing/${encodeURIComponent(billingKey)}`, { body, idempotencyKey });
}

/** DELETE /v1/billing/{billingKey}: Toss answers an empty 200. */
export async function deleteBillingKey(merchant: Merchant, billingKey: string) {
  const response = await fetch(`${SANDBOX}/v1/billing/${encodeURIComponent(billingKey)}`, { method: "DELETE", headers: { Authorization: merchant.authorization } });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, headers: response.headers };
}
