// Drives the Toss sandbox over real HTTP, against the server `npm test` runs (TEST_APP_URL): a fresh
// merchant (key pair) per test, payments opened the way the widget opens them and authenticated the way
// the payment window's 결제 승인 does, console calls, and a webhook receiver on 127.0.0.1.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const APP_URL = process.env.TEST_APP_URL ?? "http://127.0.0.1:3100";
export const SANDBOX = `${APP_URL}/sandbox/toss`;
export const CRON_SECRET = process.env.CRON_SECRET ?? "";

export interface Merchant {
  id: string;
  clientKey: string;
  secretKey: string;
  authorization: string;
}

export function basicAuth(secretKey: string): string {
  return `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`;
}

/** A merchant of its own for one test: test_gck_sbx_<id> / test_gsk_sbx_<id>. */
/** A made-up merchant's key pair: widget keys (test_gck_/test_gsk_) or API individual keys (test_ck_/test_sk_). */
export function newMerchant(family: "WIDGET" | "API_INDIVIDUAL" = "WIDGET"): Merchant {
  const id = randomBytes(9).toString("hex");
  return merchantKeys(id, family);
}

/** The other family's key pair of the same made-up merchant. */
export function merchantKeys(id: string, family: "WIDGET" | "API_INDIVIDUAL"): Merchant {
  const [client, secret] = family === "WIDGET" ? ["gck", "gsk"] : ["ck", "sk"];
  const secretKey = `test_${secret}_sbx_${id}`;
  return { id: `sbx_${id}`, clientKey: `test_${client}_sbx_${id}`, secretKey, authorization: basicAuth(secretKey) };
}

export function newOrderId(prefix = "order"): string {
  return `${prefix}_${randomUUID().replaceAll("-", "")}`;
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** One call to the sandbox's Toss API, as the app's Toss client makes it. */
export async function tossApi<T = Record<string, unknown>>(
  merchant: Merchant | null,
  method: "GET" | "POST",
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string>; idempotencyKey?: string; timeoutMs?: number } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (merchant) headers.Authorization = merchant.authorization;
  if (options.body !== undefined || options.rawBody !== undefined) headers["Content-Type"] = "application/json";
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  const response = await fetch(`${SANDBOX}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
  });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

export type MethodKey = "CARD" | "VIRTUAL_ACCOUNT" | "TOSSPAY" | "TRANSFER" | "MOBILE_PHONE";

export interface OpenOptions {
  methodKey?: MethodKey;
  amount?: number;
  orderId?: string;
  orderName?: string;
  successUrl?: string;
  failUrl?: string;
  customerName?: string;
  /** v2 payment() opens PAYMENT_WINDOW with API individual keys; omitted = the widget (v1) */
  integration?: "WIDGET" | "PAYMENT_WINDOW";
  customerMobilePhone?: string;
}

/** What the widget's requestPayment() sends to open the payment window. */
export async function openPayment(merchant: Merchant, options: OpenOptions = {}) {
  const orderId = options.orderId ?? newOrderId();
  const response = await fetch(`${SANDBOX}/widget/payments`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      ...(options.integration ? { integration: options.integration, sdk: "v2" } : {}),
      ...(options.customerMobilePhone ? { customerMobilePhone: options.customerMobilePhone } : {}),
      clientKey: merchant.clientKey,
      customerKey: "@@ANONYMOUS",
      amount: options.amount ?? 15_000,
      methodKey: options.methodKey ?? "CARD",
      orderId,
      orderName: options.orderName ?? "샌드박스 테스트 주문",
      successUrl: options.successUrl ?? "https://shop.example.com/checkout/success",
      failUrl: options.failUrl ?? "https://shop.example.com/checkout/fail",
      customerName: options.customerName ?? "김토스",
    }),
  });
  const body = (await response.json()) as { paymentId?: string; checkoutPath?: string; code?: string; message?: string };
  return { status: response.status, body, orderId, paymentId: body.paymentId ?? "" };
}

/** Presses a payment-window button; answers the redirect's Location. */
export async function submitPaymentWindow(paymentId: string, fields: Record<string, string>): Promise<{ status: number; location: string }> {
  const response = await fetch(`${SANDBOX}/pay/${paymentId}/submit`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

/** Opens a payment and presses 결제 승인: the payment is IN_PROGRESS, ready to confirm. */
export async function authenticatedPayment(merchant: Merchant, options: OpenOptions & { bank?: string } = {}) {
  const opened = await openPayment(merchant, options);
  if (opened.status !== 200) throw new Error(`opening the payment failed: ${JSON.stringify(opened.body)}`);
  const { location } = await submitPaymentWindow(opened.paymentId, { intent: "approve", ...(options.bank ? { bank: options.bank } : {}) });
  const redirect = new URL(location);
  return {
    paymentId: opened.paymentId,
    orderId: opened.orderId,
    paymentKey: redirect.searchParams.get("paymentKey") ?? "",
    amount: Number(redirect.searchParams.get("amount")),
    redirect,
  };
}

export type Authenticated = Awaited<ReturnType<typeof authenticatedPayment>>;

export function confirm(merchant: Merchant, payment: Pick<Authenticated, "paymentKey" | "orderId" | "amount">, idempotencyKey?: string) {
  return tossApi(merchant, "POST", "/v1/payments/confirm", {
    body: { paymentKey: payment.paymentKey, orderId: payment.orderId, amount: payment.amount },
    idempotencyKey,
  });
}

/** An approved payment (DONE, or WAITING_FOR_DEPOSIT for a virtual account). */
export async function confirmedPayment(merchant: Merchant, options: OpenOptions & { bank?: string } = {}) {
  const payment = await authenticatedPayment(merchant, options);
  const answer = await confirm(merchant, payment);
  if (answer.status !== 200) throw new Error(`confirm failed: ${JSON.stringify(answer.body)}`);
  return { ...payment, confirmed: answer.body };
}

/** A console API call (what `npm run toss` sends). */
export async function consoleApi<T = Record<string, unknown>>(method: "GET" | "POST", path: string, body?: unknown): Promise<ApiAnswer<T>> {
  const response = await fetch(`${SANDBOX}/console/api${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${process.env.SANDBOX_CONSOLE_TOKEN}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

export function setMerchant(merchant: Merchant, settings: Record<string, unknown>) {
  return consoleApi("POST", `/merchants/${merchant.id}`, settings);
}

/** The cron route, as Vercel Cron calls it. */
export async function runCron(): Promise<Response> {
  return fetch(`${SANDBOX}/cron/webhooks`, { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
}

export interface ReceivedWebhook {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  raw: string;
}

/**
 * A webhook endpoint on 127.0.0.1 with a random port. `answer(n)` decides the reply to the n-th request
 * (0-based): an HTTP status, or "hang" to never answer.
 */
export async function startWebhookReceiver(answer: (n: number, hook: ReceivedWebhook) => number | "hang" = () => 200) {
  const received: ReceivedWebhook[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const hook: ReceivedWebhook = { at: Date.now(), headers: req.headers, body: JSON.parse(raw) as Record<string, unknown>, raw };
      received.push(hook);
      const reply = answer(received.length - 1, hook);
      if (reply === "hang") {
        hanging.push(res);
        return;
      }
      res.writeHead(reply, { "Content-Type": "application/json" }).end(JSON.stringify({ reply }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/toss`,
    received,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A merchant whose webhooks go to a receiver of its own. */
export async function merchantWithReceiver(answer?: Parameters<typeof startWebhookReceiver>[0], settings: Record<string, unknown> = {}) {
  const merchant = newMerchant();
  const receiver = await startWebhookReceiver(answer);
  const set = await setMerchant(merchant, { webhookUrl: receiver.url, ...settings });
  if (set.status !== 200) throw new Error(`setting the merchant failed: ${JSON.stringify(set.body)}`);
  return { merchant, receiver };
}
