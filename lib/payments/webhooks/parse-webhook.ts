// The three webhook bodies Toss sends (TOSS.md), told apart by shape. The body is never trusted: it only
// says which payment to re-fetch from Toss (or, for DEPOSIT_CALLBACK, carries a secret to match).
import { z } from "zod";

/** Toss waits 10 s for a 200; a body larger than this is not one of Toss's. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

const paymentStatusChanged = z.object({
  eventType: z.literal("PAYMENT_STATUS_CHANGED"),
  createdAt: z.string().optional(),
  data: z.looseObject({ paymentKey: z.string().min(1).max(200), orderId: z.string().max(64).optional() }),
});

const cancelStatusChanged = z.object({
  eventType: z.literal("CANCEL_STATUS_CHANGED"),
  createdAt: z.string().optional(),
  data: z.looseObject({
    paymentKey: z.string().min(1).max(200).optional(),
    orderId: z.string().max(64).optional(),
    transactionKey: z.string().optional(),
  }),
});

const depositCallback = z.object({
  createdAt: z.string().optional(),
  secret: z.string().min(1).max(200),
  status: z.string().max(40),
  transactionKey: z.string().max(200).optional(),
  orderId: z.string().min(1).max(64),
});

const otherEvent = z.looseObject({ eventType: z.string().min(1).max(100) });

export type WebhookEvent =
  | ({ kind: "PAYMENT_STATUS_CHANGED" } & z.infer<typeof paymentStatusChanged>)
  | ({ kind: "CANCEL_STATUS_CHANGED" } & z.infer<typeof cancelStatusChanged>)
  | ({ kind: "DEPOSIT_CALLBACK" } & z.infer<typeof depositCallback>)
  | { kind: "OTHER"; eventType: string };

/** The event in a body, or null when the body is none of Toss's shapes. */
export function parseWebhook(body: unknown): WebhookEvent | null {
  if (body && typeof body === "object" && "eventType" in body) {
    const payment = paymentStatusChanged.safeParse(body);
    if (payment.success) return { kind: "PAYMENT_STATUS_CHANGED", ...payment.data };
    const cancel = cancelStatusChanged.safeParse(body);
    if (cancel.success) return { kind: "CANCEL_STATUS_CHANGED", ...cancel.data };
    const other = otherEvent.safeParse(body);
    if (other.success && !["PAYMENT_STATUS_CHANGED", "CANCEL_STATUS_CHANGED"].includes(other.data.eventType)) {
      return { kind: "OTHER", eventType: other.data.eventType };
    }
    return null;
  }
  const deposit = depositCallback.safeParse(body);
  return deposit.success ? { kind: "DEPOSIT_CALLBACK", ...deposit.data } : null;
}
