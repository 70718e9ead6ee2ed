// What requestPayment() does at Toss before the payment window opens: checks the request against the
// merchant whose client key loaded the widget and creates the payment (READY). Returns the payment
// window's path (relative: the widget resolves it against its own origin). A READY, ABORTED or EXPIRED payment with the same orderId is replaced (the buyer tries
// again); an orderId that went further is DUPLICATED_ORDER_ID.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { newPaymentKey } from "./ids";
import { merchantForClientKey } from "./keys";
import { configuredKeys } from "./mode";
import { CUSTOMER_KEY_RULE, ORDER_ID_RULE, WIDGET_METHODS, WidgetError } from "./widget-errors";

const absoluteUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const sessionSchema = z.object({
  clientKey: z.string(),
  customerKey: z.string(),
  amount: z.number(),
  methodKey: z.enum(WIDGET_METHODS.map((m) => m.key) as [string, ...string[]]),
  orderId: z.string(),
  orderName: z.string(),
  successUrl: z.string(),
  failUrl: z.string(),
  customerEmail: z.string().nullish(),
  customerName: z.string().nullish(),
});

const REPLACEABLE = new Set(["READY", "ABORTED", "EXPIRED"]);

export async function createCheckoutSession(body: unknown): Promise<{ paymentId: string; checkoutPath: string }> {
  const parsed = sessionSchema.safeParse(body);
  if (!parsed.success) throw new WidgetError("INVALID_PARAMETERS");
  const input = parsed.data;

  const merchant = merchantForClientKey(input.clientKey, configuredKeys());
  if (!merchant.ok) {
    if (merchant.reason === "wrong-kind") throw new WidgetError("INSECURE_KEY_USAGE");
    if (/^(test|live)_ck_/.test(input.clientKey)) throw new WidgetError("NOT_SUPPORTED_API_INDIVIDUAL_KEY");
    throw new WidgetError("INVALID_CLIENT_KEY");
  }
  if (!CUSTOMER_KEY_RULE.test(input.customerKey)) throw new WidgetError("INVALID_CUSTOMER_KEY");
  if (!Number.isInteger(input.amount)) throw new WidgetError("INVALID_AMOUNT_VALUE");
  if (input.amount <= 0) throw new WidgetError("BELOW_ZERO_AMOUNT");
  if (!ORDER_ID_RULE.test(input.orderId)) throw new WidgetError("INVALID_ORDER_ID");
  if (!input.orderName.trim()) throw new WidgetError("INVALID_PARAMETERS");
  if (input.orderName.length > 100) throw new WidgetError("INVALID_ORDER_NAME");
  if (!absoluteUrl(input.successUrl)) throw new WidgetError("INCORRECT_SUCCESS_URL_FORMAT");
  if (!absoluteUrl(input.failUrl)) throw new WidgetError("INCORRECT_FAIL_URL_FORMAT");
  if (input.customerEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.customerEmail)) throw new WidgetError("INVALID_EMAIL");
  const method = WIDGET_METHODS.find((m) => m.key === input.methodKey)!;
  if (input.amount < (method.method === "가상계좌" ? 200 : 100)) throw new WidgetError("BELOW_MINIMUM_AMOUNT");

  const now = new Date();
  const data = {
    paymentKey: newPaymentKey(now),
    orderName: input.orderName,
    method: method.method,
    easyPayProvider: method.easyPayProvider,
    status: "READY" as const,
    totalAmount: input.amount,
    balanceAmount: input.amount,
    customerKey: input.customerKey,
    customerEmail: input.customerEmail ?? null,
    customerName: input.customerName ?? null,
    successUrl: input.successUrl,
    failUrl: input.failUrl,
    requestedAt: now,
    authenticatedAt: null,
    failureCode: null,
    failureMessage: null,
    lastTransactionKey: null,
    nextConfirmErrorCode: null,
    nextConfirmDelayMs: null,
  };
  const key = { merchantId_orderId: { merchantId: merchant.merchantId, orderId: input.orderId } };

  const existing = await db.sandboxPayment.findUnique({ where: key });
  if (existing) {
    if (!REPLACEABLE.has(existing.status)) throw new WidgetError("DUPLICATED_ORDER_ID");
    const { count } = await db.sandboxPayment.updateMany({ where: { id: existing.id, status: existing.status }, data });
    if (count === 0) throw new WidgetError("DUPLICATED_ORDER_ID");
    return { paymentId: existing.id, checkoutPath: `/sandbox/toss/pay/${existing.id}` };
  }
  try {
    const created = await db.sandboxPayment.create({ data: { ...data, merchantId: merchant.merchantId, orderId: input.orderId } });
    return { paymentId: created.id, checkoutPath: `/sandbox/toss/pay/${created.id}` };
  } catch (error) {
    // Two requestPayment calls for one orderId at once: the database let one through.
    if (isUniqueViolation(error)) throw new WidgetError("DUPLICATED_ORDER_ID");
    throw error;
  }
}
