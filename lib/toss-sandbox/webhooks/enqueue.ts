// Records the webhook deliveries a status change causes, in the same transaction as the change, so a
// change is never without its webhooks (nor webhooks without their change). Sending happens after commit.
import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { newTransmissionId } from "../ids";
import type { PaymentRecord } from "../payment-object";
import { eventsForStatus } from "./events";

export async function enqueueStatusWebhooks(tx: Tx, payment: PaymentRecord, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const event of eventsForStatus(payment, env.appUrl, now)) {
    const row = await tx.sandboxWebhookDelivery.create({
      data: {
        transmissionId: newTransmissionId(),
        merchantId: payment.merchantId,
        paymentId: payment.id,
        orderId: payment.orderId,
        eventType: event.eventType,
        paymentStatus: event.paymentStatus,
        body: event.body,
        nextAttemptAt: now,
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}
