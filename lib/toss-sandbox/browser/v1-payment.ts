// The script served at /sandbox/toss/v1/payment in place of Toss's https://js.tosspayments.com/v1/payment
// (SDK v1 결제창, what Toss's v1 billing samples load). It defines the same global,
// window.TossPayments(clientKey), with API individual keys (test_ck_; a widget key is
// NOT_SUPPORTED_WIDGET_KEY). Of v1's methods the sandbox implements requestBillingAuth('카드', {
// customerKey, successUrl, failUrl, customerEmail?, customerName? }): the card registration window, in
// redirect mode. v1's requestPayment and cancelPayment answer NOT_SUPPORTED_METHOD here (the checkout
// uses the widget, or v2's payment()). Bundled for the browser by scripts/toss-browser-scripts.ts.
import { checkBillingCustomerKey, checkBillingRequest, checkClientKey } from "./checks";
import { openBillingWindow } from "./open-billing";
import { fail } from "./sdk-error";
import { scriptOrigin } from "./script-origin";

const base = scriptOrigin();

/** requestBillingAuth's methods: 카드 (also CARD) here; 계좌이체 registration is Toss's too, not the sandbox's. */
function checkMethod(method: unknown): void {
  if (method === "카드" || method === "CARD") return;
  if (method === "계좌이체" || method === "TRANSFER") {
    throw fail("NOT_SUPPORTED_METHOD", "지원되지 않는 결제수단입니다. (샌드박스는 카드 자동결제만 지원해요.)");
  }
  throw fail("INVALID_PARAMETERS");
}

function TossPayments(rawClientKey: unknown) {
  const clientKey = checkClientKey(rawClientKey, "API_INDIVIDUAL");
  let requesting = false;
  const notSupported = () => Promise.reject(fail("NOT_SUPPORTED_METHOD", "샌드박스의 SDK v1 결제창은 자동결제 카드 등록(requestBillingAuth)만 지원해요."));

  return {
    requestBillingAuth(method: unknown, params: unknown): Promise<never> {
      try {
        if (requesting) throw fail("INVALID_METHOD_TRANSACTION");
        checkMethod(method);
        if (!params || typeof params !== "object") throw fail("INVALID_PARAMETERS");
        const request = params as Record<string, unknown>;
        const customerKey = checkBillingCustomerKey(request.customerKey);
        const fields = checkBillingRequest(request);
        requesting = true;
        return openBillingWindow({ base, sdk: "v1", clientKey, customerKey, ...fields }).catch((error: unknown) => {
          requesting = false;
          throw error;
        });
      } catch (error) {
        return Promise.reject(error);
      }
    },
    requestPayment: notSupported,
    cancelPayment: notSupported,
  };
}

TossPayments.version = "sandbox";

const globals = window as unknown as Record<string, unknown>;
if (!globals.TossPayments) globals.TossPayments = TossPayments;
