// TossPayments(clientKey).payment({ customerKey }) of SDK v2 (결제창, no widget), with API individual
// keys (test_ck_): requestPayment({ method, amount: { currency, value }, orderId, orderName, … }) opens the
// sandbox payment window for CARD (a card.easyPay in DIRECT flow opens that easy pay), VIRTUAL_ACCOUNT,
// TRANSFER and MOBILE_PHONE; Toss's other methods are NOT_SUPPORTED_METHOD here. Redirect or promise mode,
// as the widget. requestBillingAuth({ method: 'CARD', successUrl, failUrl, … }) opens the card
// registration window (자동결제), redirect mode only. Shapes from @tosspayments/tosspayments-sdk's types.
import { EASY_PAY_CODES, PAYMENT_WINDOW_METHODS } from "../widget-errors";
import { checkAmount, checkBillingCustomerKey, checkBillingRequest, checkCustomerKey, checkOrder } from "./checks";
import { openBillingWindow } from "./open-billing";
import { openPaymentWindow } from "./open-payment";
import { fail } from "./sdk-error";

/** Every method v2's payment().requestPayment types name; the sandbox takes PAYMENT_WINDOW_METHODS. */
const TOSS_METHODS = ["CARD", "VIRTUAL_ACCOUNT", "TRANSFER", "MOBILE_PHONE", "CULTURE_GIFT_CERTIFICATE", "FOREIGN_EASY_PAY"];

function methodKeyOf(request: Record<string, unknown>): string {
  const { method, card } = request;
  if (typeof method !== "string" || !TOSS_METHODS.includes(method)) throw fail("INVALID_PARAMETERS");
  if (!(PAYMENT_WINDOW_METHODS as readonly string[]).includes(method)) {
    throw fail("NOT_SUPPORTED_METHOD", `지원되지 않는 결제수단입니다. (샌드박스는 ${PAYMENT_WINDOW_METHODS.join(", ")}를 지원해요.)`);
  }
  if (method !== "CARD" || card == null) return method;
  if (typeof card !== "object") throw fail("INVALID_PARAMETERS");
  const { flowMode, easyPay } = card as { flowMode?: unknown; easyPay?: unknown };
  if (flowMode !== "DIRECT" || easyPay == null) return method;
  if (!(EASY_PAY_CODES as readonly unknown[]).includes(easyPay)) throw fail("NOT_SUPPORTED_METHOD");
  return easyPay as string;
}

export function createPayment(base: string, clientKey: string, params: unknown) {
  if (!params || typeof params !== "object") throw fail("INVALID_PARAMETERS");
  const customerKey = checkCustomerKey((params as { customerKey?: unknown }).customerKey);
  let requesting = false;

  return {
    requestPayment(info: unknown) {
      try {
        if (requesting) throw fail("INVALID_METHOD_TRANSACTION");
        if (!info || typeof info !== "object") throw fail("INVALID_PARAMETERS");
        const request = info as Record<string, unknown>;
        const methodKey = methodKeyOf(request);
        const amount = checkAmount(request.amount, true);
        const order = checkOrder(info);
        requesting = true;
        return openPaymentWindow({ base, sdk: "v2", integration: "PAYMENT_WINDOW", clientKey, customerKey, amount, methodKey, order }).then(
          (result) => {
            requesting = false;
            return { paymentKey: result.paymentKey, orderId: result.orderId, amount: { currency: "KRW", value: result.amount } };
          },
          (error: unknown) => {
            requesting = false;
            throw error;
          },
        );
      } catch (error) {
        return Promise.reject(error);
      }
    },
    /** 자동결제 카드 등록: { method: 'CARD', successUrl, failUrl, customerEmail?, customerName? }; redirect only, as Toss's. */
    requestBillingAuth(info: unknown): Promise<never> {
      try {
        if (requesting) throw fail("INVALID_METHOD_TRANSACTION");
        if (!info || typeof info !== "object") throw fail("INVALID_PARAMETERS");
        const request = info as Record<string, unknown>;
        if (request.method === "TRANSFER") throw fail("NOT_SUPPORTED_METHOD", "지원되지 않는 결제수단입니다. (샌드박스는 카드 자동결제만 지원해요.)");
        if (request.method !== "CARD") throw fail("INVALID_PARAMETERS");
        const billingCustomerKey = checkBillingCustomerKey(customerKey);
        const fields = checkBillingRequest(request);
        requesting = true;
        return openBillingWindow({ base, sdk: "v2", clientKey, customerKey: billingCustomerKey, ...fields }).catch((error: unknown) => {
          requesting = false;
          throw error;
        });
      } catch (error) {
        return Promise.reject(error);
      }
    },
    destroy: () => Promise.resolve(),
  };
}
