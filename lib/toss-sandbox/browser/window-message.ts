// The message the sandbox's /sandbox/toss/window-return page posts to the shop's page in promise mode:
// the payment window's redirect query (success or fail), tagged with the request's channel. Pure, shared
// by the browser scripts and the return page.

export const PAYMENT_WINDOW_MESSAGE = "tsbx:payment-window";

export interface PaymentWindowMessage {
  type: typeof PAYMENT_WINDOW_MESSAGE;
  channel: string;
  params: Record<string, string>;
}
