// The argument checks Toss's SDKs make in the browser before anything reaches the server, shared by the
// v1 widget, the v2 widget, the v2 payment window and both SDKs' requestBillingAuth. The server checks the
// same again.
import {
  ANONYMOUS_CUSTOMER_KEY,
  BILLING_CUSTOMER_KEY_MESSAGE,
  BILLING_CUSTOMER_KEY_RULE,
  CUSTOMER_KEY_RULE,
  EMAIL_RULE,
  MOBILE_PHONE_RULE,
  ORDER_ID_RULE,
} from "../widget-errors";
import { fail } from "./sdk-error";

export type KeyFamily = "WIDGET" | "API_INDIVIDUAL";

const LIVE_KEY = "라이브 키(live_)는 샌드박스에서 사용할 수 없습니다. 테스트 키(test_)를 사용해주세요.";

/**
 * The client key for an integration that takes `family`. A secret key is INSECURE_KEY_USAGE; the other
 * family's client key is NOT_SUPPORTED_API_INDIVIDUAL_KEY (widget) or NOT_SUPPORTED_WIDGET_KEY (결제창).
 */
export function checkClientKey(clientKey: unknown, family: KeyFamily): string {
  if (typeof clientKey !== "string" || !clientKey) throw fail("INVALID_CLIENT_KEY");
  if (/^(test|live)_(gsk|sk)_/.test(clientKey)) throw fail("INSECURE_KEY_USAGE");
  if (family === "WIDGET" && /^(test|live)_ck_/.test(clientKey)) throw fail("NOT_SUPPORTED_API_INDIVIDUAL_KEY");
  if (family === "API_INDIVIDUAL" && /^(test|live)_gck_/.test(clientKey)) throw fail("NOT_SUPPORTED_WIDGET_KEY");
  if (clientKey.startsWith("live_")) throw fail("INVALID_CLIENT_KEY", LIVE_KEY);
  if (!(family === "WIDGET" ? /^test_gck_/ : /^test_ck_/).test(clientKey)) throw fail("INVALID_CLIENT_KEY");
  return clientKey;
}

export function checkCustomerKey(customerKey: unknown): string {
  if (typeof customerKey === "string" && /^(test|live)_(gsk|sk)_/.test(customerKey)) throw fail("INSECURE_KEY_USAGE");
  if (typeof customerKey !== "string" || !CUSTOMER_KEY_RULE.test(customerKey)) throw fail("INVALID_CUSTOMER_KEY");
  return customerKey;
}

/** 자동결제's customerKey: 2–300 characters, and never TossPayments.ANONYMOUS (a guest owns no card). */
export function checkBillingCustomerKey(customerKey: unknown): string {
  if (typeof customerKey === "string" && /^(test|live)_(gsk|sk)_/.test(customerKey)) throw fail("INSECURE_KEY_USAGE");
  if (typeof customerKey !== "string" || customerKey === ANONYMOUS_CUSTOMER_KEY || !BILLING_CUSTOMER_KEY_RULE.test(customerKey)) {
    throw fail("INVALID_CUSTOMER_KEY", BILLING_CUSTOMER_KEY_MESSAGE);
  }
  return customerKey;
}

/** v1 takes a number or { value, currency? }; v2 takes { currency, value } only (`strict`). */
export function checkAmount(amount: unknown, strict: boolean): number {
  const isObject = amount !== null && typeof amount === "object";
  if (strict && !isObject) throw fail("INVALID_PARAMETERS");
  const { value, currency } = isObject ? (amount as { value?: unknown; currency?: unknown }) : { value: amount, currency: undefined };
  if ((strict || currency !== undefined) && currency !== "KRW") throw fail("INVALID_AMOUNT_CURRENCY");
  if (typeof value !== "number" || !Number.isInteger(value)) throw fail("INVALID_AMOUNT_VALUE");
  if (value <= 0) throw fail("BELOW_ZERO_AMOUNT");
  return value;
}

export function isAbsoluteUrl(url: unknown): url is string {
  if (typeof url !== "string") return false;
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

export interface OrderFields {
  orderId: string;
  orderName: string;
  customerEmail: string | null;
  customerName: string | null;
  customerMobilePhone: string | null;
  /** null in promise mode (neither URL given) */
  successUrl: string | null;
  failUrl: string | null;
}

const optionalString = (value: unknown) => (value == null ? null : String(value));

/** The fields every requestPayment() takes, checked as Toss does, in Toss's order. */
export function checkOrder(info: unknown): OrderFields {
  if (!info || typeof info !== "object") throw fail("INVALID_PARAMETERS");
  const request = info as Record<string, unknown>;
  if (typeof request.orderId !== "string" || !ORDER_ID_RULE.test(request.orderId)) throw fail("INVALID_ORDER_ID");
  if (typeof request.orderName !== "string" || !request.orderName.trim()) throw fail("INVALID_PARAMETERS");
  if (request.orderName.length > 100) throw fail("INVALID_ORDER_NAME");
  const promise = request.successUrl == null && request.failUrl == null;
  if (!promise && !isAbsoluteUrl(request.successUrl)) throw fail("INCORRECT_SUCCESS_URL_FORMAT");
  if (!promise && !isAbsoluteUrl(request.failUrl)) throw fail("INCORRECT_FAIL_URL_FORMAT");
  const customerEmail = optionalString(request.customerEmail);
  if (customerEmail !== null && !EMAIL_RULE.test(customerEmail)) throw fail("INVALID_EMAIL");
  const customerMobilePhone = optionalString(request.customerMobilePhone);
  if (customerMobilePhone !== null && !MOBILE_PHONE_RULE.test(customerMobilePhone)) throw fail("INVALID_PARAMETERS");
  checkMetadata(request.metadata);
  return {
    orderId: request.orderId,
    orderName: request.orderName,
    customerEmail,
    customerName: optionalString(request.customerName),
    customerMobilePhone,
    successUrl: promise ? null : (request.successUrl as string),
    failUrl: promise ? null : (request.failUrl as string),
  };
}

/** metadata: at most 5 pairs; keys up to 40 characters without [ or ], values strings up to 2000. */
function checkMetadata(metadata: unknown) {
  if (metadata == null) return;
  if (typeof metadata !== "object" || Array.isArray(metadata)) throw fail("INVALID_METADATA");
  const entries = Object.entries(metadata);
  const valid = entries.length <= 5 && entries.every(([key, value]) => key.length <= 40 && !/[[\]]/.test(key) && typeof value === "string" && value.length <= 2000);
  if (!valid) throw fail("INVALID_METADATA");
}

export interface BillingFields {
  successUrl: string;
  failUrl: string;
  customerEmail: string | null;
  customerName: string | null;
}

/** The fields both SDKs' requestBillingAuth() take besides the method: redirect mode only, as Toss's. */
export function checkBillingRequest(request: Record<string, unknown>): BillingFields {
  if (!isAbsoluteUrl(request.successUrl)) throw fail("INCORRECT_SUCCESS_URL_FORMAT");
  if (!isAbsoluteUrl(request.failUrl)) throw fail("INCORRECT_FAIL_URL_FORMAT");
  const customerEmail = optionalString(request.customerEmail);
  if (customerEmail !== null && (customerEmail.length > 100 || !EMAIL_RULE.test(customerEmail))) throw fail("INVALID_EMAIL");
  const customerName = optionalString(request.customerName);
  if (customerName !== null && customerName.length > 100) throw fail("INVALID_PARAMETERS");
  return { successUrl: request.successUrl, failUrl: request.failUrl, customerEmail, customerName };
}
