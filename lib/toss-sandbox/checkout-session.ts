// What requestPayment() does at Toss before the payment window opens: checks the request against the
// merchant whose client key opened it and creates the payment (READY). Returns the payment window's path
// (relative: the script resolves it against its own origin). A READY, ABORTED or EXPIRED payment with the
// same orderId is replaced (the buyer tries again); an orderId that went further is DUPLICATED_ORDER_ID.
// Two integrations, each with its own key family (TOSS.md "Keys"):
//   WIDGET          the widget (v1 PaymentWidget, v2 widgets()): widget keys only, else
//                   NOT_SUPPORTED_API_INDIVIDUAL_KEY; the buyer chose the method in the widget
//   PAYMENT_WINDOW  v2 payment() (결제창): API individual keys only, else NOT_SUPPORTED_WIDGET_KEY; the
//                   shop names the method (CARD, VIRTUAL_ACCOUNT, TRANSFER, MOBILE_PHONE)
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { newPaymentKey } from "./ids";
import { keyFamilyOf, merchantForClientKey, type KeyFamily } from "./keys";
import { configuredKeys } from "./mode";
import {
  CUSTOMER_KEY_RULE,
  EMAIL_RULE,
  minimumAmountOf,
  MOBILE_PHONE_RULE,
  ORDER_ID_RULE,
  PAYMENT_METHODS,
  PAYMENT_WINDOW_METHODS,
  WIDGET_METHODS,
  WidgetError,
} from "./widget-errors";

const absoluteUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const sessionSchema = z.object({
  sdk: z.enum(["v1", "v2"]).default("v1"),
  integration: z.enum(["WIDGET", "PAYMENT_WINDOW"]).default("WIDGET"),
  clientKey: z.string(),
  customerKey: z.string(),
  amount: z.number(),
  methodKey: z.enum(PAYMENT_METHODS.map((m) => m.key) as [string, ...string[]]),
  orderId: z.string(),
  orderName: z.string(),
  successUrl: z.string(),
  failUrl: z.string(),
  customerEmail: z.string().nullish(),
  customerName: z.string().nullish(),
  customerMobilePhone: z.string().nullish(),
});

const FAMILY_OF_INTEGRATION: Record<"WIDGET" | "PAYMENT_WINDOW", KeyFamily> = { WIDGET: "WIDGET", PAYMENT_WINDOW: "API_INDIVIDUAL" };

/** The merchant of the client key, if its family is the one this integration takes. */
function merchantFor(clientKey: string, integration: "WIDGET" | "PAYMENT_WINDOW"): string {
  const merchant = merchantForClientKey(clientKey, configuredKeys());
  if (!merchant.ok && merchant.reason === "wrong-kind") throw new WidgetError("INSECURE_KEY_USAGE");
  // The family shows in the key's prefix: the SDK refuses the other family before asking who it is.
  const family = keyFamilyOf(clientKey);
  if (family && family !== FAMILY_OF_INTEGRATION[integration]) {
    throw new WidgetError(integration === "WIDGET" ? "NOT_SUPPORTED_API_INDIVIDUAL_KEY" : "NOT_SUPPORTED_WIDGET_KEY");
  }
  if (!merchant.ok) throw new WidgetError("INVALID_CLIENT_KEY");
  return merchant.merchantId;
}

const REPLACEABLE = new Set(["READY", "ABORTED", "EXPIRED"]);

export async function createCheckoutSession(body: unknown): Promise<{ paymentId: string; checkoutPath: string }> {
  const parsed = sessionSchema.safeParse(body);
  if (!parsed.success) throw new WidgetError("INVALID_PARAMETERS");
  const input = parsed.data;

  const merchantId = merchantFor(input.clientKey, input.integration);
  if (!CUSTOMER_KEY_RULE.test(input.customerKey)) throw new WidgetError("INVALID_CUSTOMER_KEY");
  if (!Number.isInteger(input.amount)) throw new WidgetError("INVALID_AMOUNT_VALUE");
  if (input.amount <= 0) throw new WidgetError("BELOW_ZERO_AMOUNT");
  if (!ORDER_ID_RULE.test(input.orderId)) throw new WidgetError("INVALID_ORDER_ID");
  if (!input.orderName.trim()) throw new WidgetError("INVALID_PARAMETERS");
  if (input.orderName.length > 100) throw new WidgetError("INVALID_ORDER_NAME");
  if (!absoluteUrl(input.successUrl)) throw new WidgetError("INCORRECT_SUCCESS_URL_FORMAT");
  if (!absoluteUrl(input.failUrl)) throw new WidgetError("INCORRECT_FAIL_URL_FORMAT");
  if (input.customerEmail && !EMAIL_RULE.test(input.customerEmail)) throw new WidgetError("INVALID_EMAIL");
  if (input.customerMobilePhone && !MOBILE_PHONE_RULE.test(input.customerMobilePhone)) throw new WidgetError("INVALID_PARAMETERS");
  const offered: readonly { key: string }[] =
    input.integration === "WIDGET" ? WIDGET_METHODS : PAYMENT_METHODS.filter((m) => m.easyPayProvider || (PAYMENT_WINDOW_METHODS as readonly string[]).includes(m.key));
  if (!offered.some((m) => m.key === input.methodKey)) throw new WidgetError("NOT_SUPPORTED_METHOD");
  const method = PAYMENT_METHODS.find((m) => m.key === input.methodKey)!;
  if (input.amount < minimumAmountOf(method.method)) throw new WidgetError("BELOW_MINIMUM_AMOUNT");

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
    customerMobilePhone: input.customerMobilePhone ?? null,
    successUrl: input.successUrl,
    failUrl: input.failUrl,
    sdkVersion: input.sdk,
    keyFamily: FAMILY_OF_INTEGRATION[input.integration],
    requestedAt: now,
    authenticatedAt: null,
    failureCode: null,
    failureMessage: null,
    lastTransactionKey: null,
    nextConfirmErrorCode: null,
    nextConfirmDelayMs: null,
  };
  const key = { merchantId_orderId: { merchantId, orderId: input.orderId } };

  const existing = await db.sandboxPayment.findUnique({ where: key });
  if (existing) {
    if (!REPLACEABLE.has(existing.status)) throw new WidgetError("DUPLICATED_ORDER_ID");
    const { count } = await db.sandboxPayment.updateMany({ where: { id: existing.id, status: existing.status }, data });
    if (count === 0) throw new WidgetError("DUPLICATED_ORDER_ID");
    return { paymentId: existing.id, checkoutPath: `/sandbox/toss/pay/${existing.id}` };
  }
  try {
    const created = await db.sandboxPayment.create({ data: { ...data, merchantId, orderId: input.orderId } });
    return { paymentId: created.id, checkoutPath: `/sandbox/toss/pay/${created.id}` };
  } catch (error) {
    // Two requestPayment calls for one orderId at once: the database let one through.
    if (isUniqueViolation(error)) throw new WidgetError("DUPLICATED_ORDER_ID");
    throw error;
  }
}
