// The script served at /sandbox/toss/v2/standard in place of Toss's https://js.tosspayments.com/v2/standard.
// It defines the same global, window.TossPayments(clientKey): the real @tosspayments/tosspayments-sdk
// loads it unchanged with loadTossPayments(clientKey, { src }). widgets() takes widget keys (test_gck_),
// payment() API individual keys (test_ck_); each refuses the other family with Toss's code. Bundled for
// the browser by scripts/toss-browser-scripts.ts.
import { checkClientKey } from "./checks";
import { fail } from "./sdk-error";
import { scriptOrigin } from "./script-origin";
import { createPayment } from "./v2-payment";
import { createWidgets } from "./v2-widgets";

const base = scriptOrigin();

function TossPayments(clientKey: unknown) {
  if (typeof clientKey !== "string" || !clientKey) throw fail("INVALID_CLIENT_KEY");
  return {
    widgets: (params: unknown) => createWidgets(base, checkClientKey(clientKey, "WIDGET"), params),
    payment: (params: unknown) => createPayment(base, checkClientKey(clientKey, "API_INDIVIDUAL"), params),
    brandpay: () => {
      throw fail("UNKNOWN", "샌드박스는 브랜드페이를 지원하지 않아요.");
    },
  };
}

TossPayments.ANONYMOUS = "@@ANONYMOUS";
TossPayments.version = "sandbox";

const globals = window as unknown as Record<string, unknown>;
if (!globals.TossPayments) globals.TossPayments = TossPayments;
