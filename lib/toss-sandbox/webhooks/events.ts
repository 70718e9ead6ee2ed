// Which webhook events a payment's new status sends, and their bodies exactly as Toss writes them
// (TOSS.md "Webhooks", docs "웹훅 이벤트"):
// - PAYMENT_STATUS_CHANGED {eventType, createdAt, data: Payment} on entering DONE, CANCELED,
//   PARTIAL_CANCELED, ABORTED or EXPIRED; never READY or IN_PROGRESS.
// - DEPOSIT_CALLBACK, flat {createdAt, secret, status, transactionKey, orderId}, on every virtual-account
//   change: issued (WAITING_FOR_DEPOSIT), deposited (DONE), canceled (CANCELED, PARTIAL_CANCELED).
//   With both events registered a virtual-account change arrives twice, so the issue of an account
//   also sends PAYMENT_STATUS_CHANGED (WAITING_FOR_DEPOSIT).
// Pure.
import { toPaymentObject, type PaymentRecord } from "../payment-object";
import { toWebhookCreatedAt } from "../time";

export type WebhookEventType = "PAYMENT_STATUS_CHANGED" | "DEPOSIT_CALLBACK";

export interface WebhookEvent {
  eventType: WebhookEventType;
  paymentStatus: string;
  body: string;
}

const STATUS_CHANGED = new Set(["DONE", "CANCELED", "PARTIAL_CANCELED", "ABORTED", "EXPIRED"]);
const DEPOSIT_STATUSES = new Set(["WAITING_FOR_DEPOSIT", "DONE", "CANCELED", "PARTIAL_CANCELED"]);

export function eventsForStatus(payment: PaymentRecord, appUrl: string, now: Date): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  const createdAt = toWebhookCreatedAt(now);
  const virtualAccount = payment.method === "가상계좌" && payment.secret !== null;

  if (STATUS_CHANGED.has(payment.status) || (virtualAccount && payment.status === "WAITING_FOR_DEPOSIT")) {
    events.push({
      eventType: "PAYMENT_STATUS_CHANGED",
      paymentStatus: payment.status,
      body: JSON.stringify({ eventType: "PAYMENT_STATUS_CHANGED", createdAt, data: toPaymentObject(payment, appUrl) }),
    });
  }
  if (virtualAccount && DEPOSIT_STATUSES.has(payment.status)) {
    events.push({
      eventType: "DEPOSIT_CALLBACK",
      paymentStatus: payment.status,
      body: JSON.stringify({
        createdAt,
        secret: payment.secret,
        status: payment.status,
        transactionKey: payment.lastTransactionKey,
        orderId: payment.orderId,
      }),
    });
  }
  return events;
}
