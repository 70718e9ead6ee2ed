// Opens the sandbox payment window for a checked request, as every requestPayment() does:
// - redirect mode (successUrl and failUrl given): the server creates the payment (READY) and the page
//   goes to the payment window, which later redirects to successUrl or failUrl exactly as Toss does;
//   the promise never settles (the page is leaving).
// - promise mode (no URLs): the payment window opens in a popup over the page (Toss opens an iframe;
//   the sandbox's pages refuse to be framed, see README), its success or fail redirect lands on the
//   sandbox's /sandbox/toss/window-return page, which posts the result back here; the promise resolves
//   with it, or rejects with Toss's code (결제 취소 and closing the window: USER_CANCEL).
// Must be called synchronously from requestPayment(), so that the popup opens within the buyer's click.
import { PAYMENT_WINDOW_MESSAGE, type PaymentWindowMessage } from "./window-message";
import { injectStyle } from "./dom";
import type { OrderFields } from "./checks";
import { fail, SdkError } from "./sdk-error";

export interface OpenRequest {
  /** the sandbox's origin (where the script was loaded from) */
  base: string;
  sdk: "v1" | "v2";
  integration: "WIDGET" | "PAYMENT_WINDOW";
  clientKey: string;
  customerKey: string;
  amount: number;
  methodKey: string;
  order: OrderFields;
}

export interface WindowResult {
  paymentType: "NORMAL";
  orderId: string;
  paymentKey: string;
  amount: number;
}

const CLOSED_POLL_MS = 300;

async function createPayment(request: OpenRequest, successUrl: string, failUrl: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${request.base}/sandbox/toss/widget/payments`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        sdk: request.sdk,
        integration: request.integration,
        clientKey: request.clientKey,
        customerKey: request.customerKey,
        amount: request.amount,
        methodKey: request.methodKey,
        orderId: request.order.orderId,
        orderName: request.order.orderName,
        successUrl,
        failUrl,
        customerEmail: request.order.customerEmail,
        customerName: request.order.customerName,
        customerMobilePhone: request.order.customerMobilePhone,
      }),
    });
  } catch {
    throw fail("NETWORK_ERROR");
  }
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string; checkoutPath?: string } | null;
  if (!response.ok || !body?.checkoutPath) throw new SdkError(body?.code ?? "UNKNOWN", body?.message);
  return new URL(body.checkoutPath, request.base).toString();
}

export function openPaymentWindow(request: OpenRequest): Promise<WindowResult> {
  const { successUrl, failUrl } = request.order;
  if (successUrl && failUrl) {
    return createPayment(request, successUrl, failUrl).then((checkout) => {
      window.location.assign(checkout);
      return new Promise<never>(() => {});
    });
  }
  return openInPopup(request);
}

function openInPopup(request: OpenRequest): Promise<WindowResult> {
  const popup = window.open("about:blank", "tsbx-payment-window", "popup,width=480,height=760");
  if (!popup) {
    return Promise.reject(fail("UNKNOWN", "팝업이 차단되어 결제창을 열 수 없어요. 팝업을 허용한 뒤 다시 시도해주세요."));
  }
  const channel = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const back = new URL("/sandbox/toss/window-return", request.base);
  back.searchParams.set("origin", window.location.origin);
  back.searchParams.set("channel", channel);
  const overlay = showOverlay(() => popup.focus(), () => settle(fail("USER_CANCEL")));

  let settle: (outcome: WindowResult | SdkError) => void = () => {};
  const result = new Promise<WindowResult>((resolve, reject) => {
    let done = false;
    const poll = window.setInterval(() => {
      if (popup.closed) settle(fail("USER_CANCEL"));
    }, CLOSED_POLL_MS);
    const onMessage = (event: MessageEvent) => {
      const data = event.data as PaymentWindowMessage | null;
      if (event.origin !== new URL(request.base).origin || data?.type !== PAYMENT_WINDOW_MESSAGE || data.channel !== channel) return;
      settle(outcomeOf(data.params));
    };
    window.addEventListener("message", onMessage);
    settle = (outcome) => {
      if (done) return;
      done = true;
      window.clearInterval(poll);
      window.removeEventListener("message", onMessage);
      overlay.remove();
      if (!popup.closed) popup.close();
      if (outcome instanceof SdkError) reject(outcome);
      else resolve(outcome);
    };
  });

  createPayment(request, back.toString(), back.toString()).then(
    (checkout) => popup.location.replace(checkout),
    (error: unknown) => settle(error instanceof SdkError ? error : fail("UNKNOWN")),
  );
  return result;
}

/** The payment window's redirect, as the result or the error of the promise. */
function outcomeOf(params: Record<string, string>): WindowResult | SdkError {
  if (params.code) {
    // Toss's promise mode rejects 결제 취소 with USER_CANCEL rather than failUrl's PAY_PROCESS_CANCELED.
    return params.code === "PAY_PROCESS_CANCELED" ? fail("USER_CANCEL") : new SdkError(params.code, params.message);
  }
  if (!params.paymentKey || !params.orderId || !params.amount) return fail("UNKNOWN");
  return { paymentType: "NORMAL", orderId: params.orderId, paymentKey: params.paymentKey, amount: Number(params.amount) };
}

/** The dimmed layer over the shop while the payment window is open, as Toss shows one. */
function showOverlay(onFocus: () => void, onCancel: () => void): HTMLElement {
  injectStyle();
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const overlay = document.createElement("div");
  overlay.className = "tsbx-overlay";
  const dialog = document.createElement("div");
  dialog.className = "tsbx-dialog";
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-modal", "true");
  dialog.setAttribute("aria-labelledby", "tsbx-dialog-title");
  const title = document.createElement("h2");
  title.id = "tsbx-dialog-title";
  title.textContent = "결제창이 열려 있어요";
  const text = document.createElement("p");
  text.textContent = "새 창에서 결제를 마쳐주세요. 결제창을 닫으면 결제가 취소돼요.";
  const show = button("결제창 보기", "tsbx-button-primary", onFocus);
  const cancel = button("결제 취소", "tsbx-button-secondary", onCancel);
  dialog.append(title, text, show, cancel);
  overlay.append(dialog);
  document.body.append(overlay);
  show.focus();
  const remove = overlay.remove.bind(overlay);
  overlay.remove = () => {
    remove();
    previous?.focus();
  };
  return overlay;
}

function button(label: string, variant: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.className = `tsbx-button ${variant}`;
  element.textContent = label;
  element.addEventListener("click", onClick);
  return element;
}
