// TossPayments(clientKey).widgets({ customerKey }) of SDK v2, with widget keys (test_gck_): setAmount
// first, then renderPaymentMethods / renderAgreement (promises of widgets with on(…) and destroy()),
// then requestPayment in redirect or promise mode. Shapes from @tosspayments/tosspayments-sdk's types.
import { AGREEMENT_TERM_ID, renderAgreementUi, type AgreementUi } from "./agreement-ui";
import { checkAmount, checkCustomerKey, checkOrder } from "./checks";
import { emitter, target } from "./dom";
import { renderMethodsUi, type MethodsUi } from "./methods-ui";
import { openPaymentWindow } from "./open-payment";
import { fail } from "./sdk-error";

const NOT_SETUP_AMOUNT = "결제금액이 설정되지 않았습니다. setAmount를 호출해주세요.";

/** Runs `work` as an async SDK method: a thrown error becomes the promise's rejection. */
const asPromise = <T>(work: () => T | Promise<T>): Promise<T> => new Promise<T>((resolve) => resolve(work()));

function checkRenderParams(params: unknown): { selector: unknown } {
  if (!params || typeof params !== "object") throw fail("INVALID_PARAMETERS");
  const { selector, variantKey } = params as { selector?: unknown; variantKey?: unknown };
  if (variantKey !== undefined && (typeof variantKey !== "string" || !variantKey)) throw fail("INVALID_PARAMETERS");
  return { selector };
}

export function createWidgets(base: string, clientKey: string, params: unknown) {
  if (!params || typeof params !== "object") throw fail("INVALID_PARAMETERS");
  const customerKey = checkCustomerKey((params as { customerKey?: unknown }).customerKey);
  let amount: number | null = null;
  let methods: MethodsUi | null = null;
  let agreement: AgreementUi | null = null;
  let requesting = false;

  const agreementStatus = () => {
    const agreed = agreement?.agreed() ?? false;
    return { agreedRequiredTerms: agreed, agreements: [{ term: { id: AGREEMENT_TERM_ID, required: true }, agreed }] };
  };

  return {
    setAmount: (next: unknown) =>
      asPromise(() => {
        amount = checkAmount(next, true);
        methods?.setAmount(amount);
      }),

    renderPaymentMethods: (renderParams: unknown) =>
      asPromise(() => {
        const { selector } = checkRenderParams(renderParams);
        if (amount === null) throw fail("NOT_SETUP_AMOUNT", NOT_SETUP_AMOUNT);
        const element = target(selector);
        if (methods) throw fail("PAYMENT_METHODS_WIDGET_ALREADY_RENDERED");
        const ui = renderMethodsUi(element, amount);
        methods = ui;
        const events = emitter(["paymentMethodSelect"]);
        ui.onSelect((method) => events.emit("paymentMethodSelect", [{ code: method.key }]));
        return {
          on: (name: string, callback: (method: { code: string }) => void) => events.on(name, callback),
          getSelectedPaymentMethod: () =>
            asPromise(() => {
              const method = ui.selected();
              if (!method) throw fail("NOT_SELECTED_PAYMENT_METHOD");
              return { code: method.key };
            }),
          destroy: () =>
            asPromise(() => {
              ui.destroy();
              methods = null;
            }),
        };
      }),

    renderAgreement: (renderParams: unknown) =>
      asPromise(() => {
        const { selector } = checkRenderParams(renderParams);
        const element = target(selector);
        if (agreement) throw fail("AGREEMENT_WIDGET_ALREADY_RENDERED");
        const ui = renderAgreementUi(element);
        agreement = ui;
        const events = emitter(["agreementStatusChange"]);
        ui.onChange(() => events.emit("agreementStatusChange", [agreementStatus()]));
        return {
          on: (name: string, callback: (status: ReturnType<typeof agreementStatus>) => void) => events.on(name, callback),
          // Not in v2's types (v1 had it); kept so that a shop moving from v1 can still ask.
          getAgreementStatus: agreementStatus,
          destroy: () =>
            asPromise(() => {
              ui.destroy();
              agreement = null;
            }),
        };
      }),

    requestPayment(info: unknown) {
      try {
        if (requesting) throw fail("INVALID_METHOD_TRANSACTION");
        if (amount === null) throw fail("NOT_SETUP_AMOUNT", NOT_SETUP_AMOUNT);
        const order = checkOrder(info);
        const method = methods?.selected();
        if (!method) throw fail("NOT_SELECTED_PAYMENT_METHOD");
        if (agreement && !agreement.agreed()) throw fail("NEED_AGREEMENT_WITH_REQUIRED_TERMS");
        requesting = true;
        const request = { base, sdk: "v2" as const, integration: "WIDGET" as const, clientKey, customerKey, amount, methodKey: method.key, order };
        return openPaymentWindow(request).then(
          (result) => {
            requesting = false;
            return { paymentType: result.paymentType, orderId: result.orderId, paymentKey: result.paymentKey, amount: { currency: "KRW", value: result.amount } };
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
  };
}
