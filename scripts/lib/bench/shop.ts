// The buying flow over HTTP as `npm run bench` drives it, the way the tests do (tests/helpers): a buyer
// signed in through next-auth's own endpoints, an order from POST /api/orders, a payment opened and
// approved in the sandbox's payment window, then our confirm; and Toss's webhook as the sandbox sends it.
import { randomUUID } from "node:crypto";

/** Toss's public docs key pair (lib/env.ts): the app's merchant in the sandbox when no keys are set. */
const DOCS_CLIENT_KEY = "test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm";
const DOCS_SECRET_KEY = "test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6";
const SANDBOX_AUTH = `Basic ${Buffer.from(`${DOCS_SECRET_KEY}:`).toString("base64")}`;

export class ShopClient {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
    return response;
  }

  postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.fetch(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  }

  /** Signs in as a buyer with a password, as a browser does (csrf token, then the credentials callback). */
  async signIn(email: string, password: string) {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: this.baseUrl, json: "true" }),
    });
    if (response.status >= 400 || ![...this.cookies.keys()].some((k) => k.includes("session-token"))) {
      throw new Error(`sign-in of ${email} failed: ${response.status}`);
    }
  }

  /** The client's cookies (name → value), e.g. for a browser context of the same buyer. */
  cookieJar(): Record<string, string> {
    return Object.fromEntries(this.cookies);
  }

  /** A session cookie of another client (the same buyer on the other server). */
  copyCookiesTo(other: ShopClient) {
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
  }
}

export interface Purchase {
  orderId: string;
  paymentKey: string;
  amount: number;
}

/** An order of the buyer's, paid in the sandbox window (IN_PROGRESS), waiting for our confirm. */
export async function preparePurchase(client: ShopClient): Promise<Purchase> {
  let orderResponse = await client.postJson("/api/orders", { product: "PRO_PACK" });
  // The bench's buyers may place more than 10 orders in the bench's 1-second rate-limit window: wait it out.
  for (let attempt = 0; orderResponse.status === 429 && attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(orderResponse.headers.get("retry-after") ?? 1)));
    orderResponse = await client.postJson("/api/orders", { product: "PRO_PACK" });
  }
  if (orderResponse.status !== 201) throw new Error(`POST /api/orders: ${orderResponse.status} ${await orderResponse.text()}`);
  const order = (await orderResponse.json()) as { orderId: string; orderName: string; amount: number; successUrl: string; failUrl: string };
  const opened = await fetch(`${client.baseUrl}/sandbox/toss/widget/payments`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      clientKey: DOCS_CLIENT_KEY,
      customerKey: "@@ANONYMOUS",
      amount: order.amount,
      methodKey: "CARD",
      orderId: order.orderId,
      orderName: order.orderName,
      successUrl: order.successUrl,
      failUrl: order.failUrl,
      customerName: "김토스",
    }),
  });
  const { paymentId } = (await opened.json()) as { paymentId?: string };
  if (!paymentId) throw new Error(`opening the sandbox payment failed: ${opened.status}`);
  const submitted = await fetch(`${client.baseUrl}/sandbox/toss/pay/${paymentId}/submit`, {
    method: "POST",
    body: new URLSearchParams({ intent: "approve" }),
    redirect: "manual",
  });
  const location = new URL(submitted.headers.get("location") ?? "");
  return { orderId: order.orderId, paymentKey: location.searchParams.get("paymentKey") ?? "", amount: order.amount };
}

export async function confirm(client: ShopClient, purchase: Purchase): Promise<boolean> {
  const response = await client.postJson("/api/payments/toss/confirm", purchase);
  await response.arrayBuffer();
  return response.status === 200;
}

/** Toss's payment object as the sandbox answers GET /v1/payments/{paymentKey}. */
export async function tossPayment(baseUrl: string, paymentKey: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/sandbox/toss/v1/payments/${encodeURIComponent(paymentKey)}`, {
    headers: { Authorization: SANDBOX_AUTH },
  });
  return (await response.json()) as Record<string, unknown>;
}

/** Toss approves the payment but our confirm never hears (its answer lost): the webhook brings the news. */
export async function confirmAtToss(baseUrl: string, purchase: Purchase): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/sandbox/toss/v1/payments/confirm`, {
    method: "POST",
    headers: { Authorization: SANDBOX_AUTH, "content-type": "application/json", "Idempotency-Key": randomUUID() },
    body: JSON.stringify(purchase),
  });
  const payment = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`sandbox confirm of ${purchase.orderId}: ${response.status} ${JSON.stringify(payment)}`);
  return payment;
}

/** The sandbox console's settings of the app's merchant (Toss's docs key pair), e.g. its webhook URL. */
export async function setAppMerchant(baseUrl: string, consoleToken: string, settings: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/sandbox/toss/console/api/merchants/docs`, {
    method: "POST",
    headers: { Authorization: `Bearer ${consoleToken}`, "content-type": "application/json" },
    body: JSON.stringify(settings),
  });
  if (response.status !== 200) throw new Error(`console: merchant settings ${response.status} ${await response.text()}`);
}

/** A PAYMENT_STATUS_CHANGED delivery, with a transmission id of its own, as Toss sends it. */
export async function postWebhook(baseUrl: string, payment: Record<string, unknown>): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/webhooks/toss`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "tosspayments-webhook-transmission-id": `wh_bench_${randomUUID()}`,
      "tosspayments-webhook-transmission-retried-count": "0",
    },
    body: JSON.stringify({ eventType: "PAYMENT_STATUS_CHANGED", createdAt: new Date().toISOString().slice(0, 23), data: payment }),
  });
  await response.arrayBuffer();
  return response.status === 200;
}

export const noop = async (baseUrl: string) => {
  const response = await fetch(`${baseUrl}/api/noop`, { method: "POST" });
  await response.arrayBuffer();
  return response.status === 204;
};

export const spendOne = async (client: ShopClient) => {
  const response = await client.postJson("/api/credits/spend", { amount: 1, reason: "bench" }, { "Idempotency-Key": randomUUID() });
  await response.arrayBuffer();
  return response.status === 201;
};

export const credits = async (client: ShopClient) => {
  const response = await client.fetch("/api/credits");
  await response.arrayBuffer();
  return response.status === 200;
};
