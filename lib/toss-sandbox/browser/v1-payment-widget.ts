// The script served at /sandbox/toss/v1/payment-widget in place of Toss's
// https://js.tosspayments.com/v1/payment-widget. It defines the same global, window.PaymentWidget: the
// real @tosspayments/payment-widget-sdk loads it unchanged with loadPaymentWidget(clientKey,
// customerKey, undefined, { src }) and calls PaymentWidget(clientKey, customerKey, options) (without
// `new`). renderPaymentMethods / renderAgreement render synchronously, as v1 does; requestPayment()
// redirects (successUrl/failUrl) or, without them, resolves { paymentType, orderId, paymentKey, amount }
// (promise mode). Bundled for the browser by scripts/toss-browser-scripts.ts.
import { renderAgreementUi, AGREEMENT_TERM_ID, AGREEMENT_TITLE, type AgreementUi } from "./agreement-ui";
import { checkAmount, checkClientKey, checkCustomerKey, checkOrder } from "./checks";
import { emitter, target } from "./dom";
import { renderMethodsUi, type MethodsUi } from "./methods-ui";
import { openPaymentWindow } from "./open-payment";
import { fail, SdkError } from "./sdk-error";
import { scriptOrigin } from "./script-origin";

const base = scriptOrigin();

function v1Error(error: SdkError): SdkError {
  error.name = "PaymentWidgetError";
  return error;
}

/** Runs `work`, giving SDK errors v1's name. */
function v1<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof SdkError ? v1Error(error) : error;
  }
}

function PaymentWidget(rawClientKey: unknown, rawCustomerKey: unknown) {
  const { clientKey, customerKey } = v1(() => ({ clientKey: checkClientKey(rawClientKey, "WIDGET"), customerKey: checkCustomerKey(rawCustomerKey) }));
  let amount: number | null = null;
  let methods: MethodsUi | null = null;
  let agreement: AgreementUi | null = null;
  let requesting = false;

  const agreementStatus = () => {
    const agreed = agreement?.agreed() ?? false;
    return { agreedRequiredTerms: agreed, terms: [{ id: AGREEMENT_TERM_ID, agreed, required: true, title: AGREEMENT_TITLE, content: "" }] };
  };

  function renderPaymentMethods(selector: unknown, rawAmount: unknown) {
    return v1(() => {
      const element = target(selector);
      if (methods) throw fail("PAYMENT_METHODS_WIDGET_ALREADY_RENDERED");
      amount = checkAmount(rawAmount, false);
      const ui = renderMethodsUi(element, amount);
      methods = ui;
      const events = emitter(["ready", "customRequest", "customPaymentMethodSelect", "customPaymentMethodUnselect"]);
      setTimeout(() => events.emit("ready", [], true), 0);
      return {
        UPDATE_REASON: { COUPON: "COUPON", POINT: "POINT" },
        updateAmount(next: unknown) {
          v1(() => {
            amount = checkAmount(next, false);
            ui.setAmount(amount);
          });
        },
        on: (name: string, callback: () => void) => v1(() => events.on(name, callback)),
        getSelectedPaymentMethod() {
          const method = ui.selected();
          if (!method) return { type: "NORMAL" };
          return {
            type: "NORMAL",
            method: method.method,
            paymentMethodKey: method.key,
            ...(method.easyPayProvider ? { easyPay: { provider: method.easyPayProvider } } : {}),
          };
        },
      };
    });
  }

  function renderAgreement(selector: unknown) {
    return v1(() => {
      const element = target(selector);
      if (agreement) throw fail("AGREEMENT_WIDGET_ALREADY_RENDERED");
      const ui = renderAgreementUi(element);
      agreement = ui;
      const events = emitter(["change", "ready"]);
      ui.onChange(() => events.emit("change", [agreementStatus()]));
      setTimeout(() => events.emit("ready", [], true), 0);
      return { on: (name: string, callback: () => void) => v1(() => events.on(name, callback)), getAgreementStatus: agreementStatus };
    });
  }

  function requestPayment(info: unknown) {
    try {
      if (requesting) throw fail("INVALID_METHOD_TRANSACTION");
      if (!methods || amount === null) throw fail("NOT_SETUP_AMOUNT");
      const order = checkOrder(info);
      const method = methods.selected();
      if (!method) throw fail("NOT_SELECTED_PAYMENT_METHOD");
      if (agreement && !agreement.agreed()) throw fail("NEED_AGREEMENT_WITH_REQUIRED_TERMS");
      requesting = true;
      return openPaymentWindow({ base, sdk: "v1", integration: "WIDGET", clientKey, customerKey, amount, methodKey: method.key, order }).then(
        (result) => {
          requesting = false;
          return result;
        },
        (error: unknown) => {
          requesting = false;
          throw error instanceof SdkError ? v1Error(error) : error;
        },
      );
    } catch (error) {
      return Promise.reject(error instanceof SdkError ? v1Error(error) : error);
    }
  }

  return { renderPaymentMethods, renderAgreement, requestPayment };
}

PaymentWidget.ANONYMOUS = "@@ANONYMOUS";
PaymentWidget.version = "sandbox";
PaymentWidget.__versionHash__ = "sandbox";
const globals = window as unknown as Record<string, unknown>;
if (!globals.PaymentWidget) globals.PaymentWidget = PaymentWidget;
