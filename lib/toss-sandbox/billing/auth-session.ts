// What requestBillingAuth() does at Toss before the card registration window opens (SDK v1
// TossPayments(clientKey).requestBillingAuth('카드', …), SDK v2 payment({ customerKey }).requestBillingAuth(
// { method: 'CARD', … })): checks the request against the merchant whose client key opened it and opens a
// registration (READY). Returns the window's path (relative: the script resolves it against its own origin).
// 자동결제 takes API individual keys only (test_ck_): a widget key is NOT_SUPPORTED_WIDGET_KEY, as
// payment() answers it. The test card the window offers (masked) is drawn here.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { newMaskedCardNumber } from "../ids";
import { keyFamilyOf, merchantForClientKey } from "../keys";
import { configuredKeys } from "../mode";
import { ANONYMOUS_CUSTOMER_KEY, BILLING_CUSTOMER_KEY_MESSAGE, BILLING_CUSTOMER_KEY_RULE, EMAIL_RULE, WidgetError } from "../widget-errors";

const absoluteUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const sessionSchema = z.object({
  sdk: z.enum(["v1", "v2"]),
  clientKey: z.string(),
  customerKey: z.string(),
  successUrl: z.string(),
  failUrl: z.string(),
  customerEmail: z.string().nullish(),
  customerName: z.string().nullish(),
});

function merchantFor(clientKey: string): string {
  const merchant = merchantForClientKey(clientKey, configuredKeys());
  if (!merchant.ok && merchant.reason === "wrong-kind") throw new WidgetError("INSECURE_KEY_USAGE");
  if (keyFamilyOf(clientKey) === "WIDGET") throw new WidgetError("NOT_SUPPORTED_WIDGET_KEY");
  if (!merchant.ok) throw new WidgetError("INVALID_CLIENT_KEY");
  return merchant.merchantId;
}

export async function createBillingAuthSession(body: unknown): Promise<{ authId: string; checkoutPath: string }> {
  const parsed = sessionSchema.safeParse(body);
  if (!parsed.success) throw new WidgetError("INVALID_PARAMETERS");
  const input = parsed.data;

  const merchantId = merchantFor(input.clientKey);
  if (input.customerKey === ANONYMOUS_CUSTOMER_KEY || !BILLING_CUSTOMER_KEY_RULE.test(input.customerKey)) {
    throw new WidgetError("INVALID_CUSTOMER_KEY", BILLING_CUSTOMER_KEY_MESSAGE);
  }
  if (!absoluteUrl(input.successUrl)) throw new WidgetError("INCORRECT_SUCCESS_URL_FORMAT");
  if (!absoluteUrl(input.failUrl)) throw new WidgetError("INCORRECT_FAIL_URL_FORMAT");
  if (input.customerEmail && !EMAIL_RULE.test(input.customerEmail)) throw new WidgetError("INVALID_EMAIL");
  if ((input.customerName?.length ?? 0) > 100 || (input.customerEmail?.length ?? 0) > 100) throw new WidgetError("INVALID_PARAMETERS");

  const auth = await db.sandboxBillingAuth.create({
    data: {
      merchantId,
      customerKey: input.customerKey,
      sdkVersion: input.sdk,
      successUrl: input.successUrl,
      failUrl: input.failUrl,
      customerEmail: input.customerEmail ?? null,
      customerName: input.customerName ?? null,
      cardNumber: newMaskedCardNumber(),
    },
    select: { id: true },
  });
  return { authId: auth.id, checkoutPath: `/sandbox/toss/billing-auth/${auth.id}` };
}
