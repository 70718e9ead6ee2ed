// The console's webhook actions, the misbehaviours Toss's own test environment cannot produce on demand:
// - resend: the same transmission once more (its retried-count goes on counting)
// - duplicate: a second copy of a transmission, same transmission id, as when Toss sends one twice
// - out of order: a payment's latest event, then an earlier one, as when a retry overtakes
import "server-only";
import { db } from "@/lib/db";
import type { SandboxPayment, SandboxWebhookDelivery } from "@/lib/generated/prisma/client";
import { SandboxConsoleError } from "../console-error";
import { newTransmissionId } from "../ids";
import { deliverNow } from "../webhooks/deliver";

async function findDelivery(id: string): Promise<SandboxWebhookDelivery> {
  const delivery = await db.sandboxWebhookDelivery.findUnique({ where: { id } });
  if (!delivery) throw new SandboxConsoleError("NOT_FOUND", "웹훅 전송 기록을 찾을 수 없습니다.", 404);
  return delivery;
}

async function reload(id: string) {
  return db.sandboxWebhookDelivery.findUniqueOrThrow({ where: { id } });
}

export async function resendDelivery(id: string): Promise<SandboxWebhookDelivery> {
  const delivery = await findDelivery(id);
  const { count } = await db.sandboxWebhookDelivery.updateMany({
    where: { id, status: { in: ["PENDING", "DELIVERED", "FAILED"] } },
    data: { status: "PENDING", nextAttemptAt: new Date() },
  });
  if (count === 0) throw new SandboxConsoleError("SENDING", "지금 전송 중입니다. 잠시 후 다시 시도해주세요.");
  await deliverNow(delivery.id);
  return reload(id);
}

function copyOf(delivery: SandboxWebhookDelivery, transmissionId: string, note: string) {
  return db.sandboxWebhookDelivery.create({
    data: {
      transmissionId,
      merchantId: delivery.merchantId,
      paymentId: delivery.paymentId,
      orderId: delivery.orderId,
      eventType: delivery.eventType,
      paymentStatus: delivery.paymentStatus,
      body: delivery.body,
      nextAttemptAt: new Date(),
      note,
    },
  });
}

export async function duplicateDelivery(id: string): Promise<SandboxWebhookDelivery> {
  const delivery = await findDelivery(id);
  const copy = await copyOf(delivery, delivery.transmissionId, `중복 전송 (${delivery.id}와 같은 transmission id)`);
  await deliverNow(copy.id);
  return reload(copy.id);
}

/** The payment's latest webhook. */
export async function latestDeliveryOf(payment: SandboxPayment): Promise<SandboxWebhookDelivery> {
  const latest = await db.sandboxWebhookDelivery.findFirst({
    where: { paymentId: payment.id, note: null },
    orderBy: { createdAt: "desc" },
  });
  if (!latest) throw new SandboxConsoleError("NO_WEBHOOK", "이 결제에는 아직 보낸 웹훅이 없습니다.");
  return latest;
}

/**
 * Sends the payment's latest event, then an earlier one (preferably one announcing a different status,
 * e.g. PAYMENT_STATUS_CHANGED DONE before the DEPOSIT_CALLBACK or WAITING_FOR_DEPOSIT that preceded it).
 * Both go as new transmissions: an app that deduplicates by transmission id must still cope.
 */
export async function sendOutOfOrder(payment: SandboxPayment): Promise<SandboxWebhookDelivery[]> {
  const originals = await db.sandboxWebhookDelivery.findMany({
    where: { paymentId: payment.id, note: null },
    orderBy: { createdAt: "asc" },
  });
  const later = originals.at(-1);
  const earlier =
    originals.findLast((d) => d.id !== later?.id && d.paymentStatus !== later?.paymentStatus) ?? originals.at(-2);
  if (!later || !earlier) {
    throw new SandboxConsoleError("NOT_ENOUGH_EVENTS", "순서를 뒤바꿔 보내려면 이 결제의 웹훅이 두 개 이상 있어야 합니다.");
  }
  const first = await copyOf(later, newTransmissionId(), `순서 뒤바꿈 1/2: 나중 이벤트 (${later.id})`);
  await deliverNow(first.id);
  const second = await copyOf(earlier, newTransmissionId(), `순서 뒤바꿈 2/2: 앞선 이벤트 (${earlier.id})`);
  await deliverNow(second.id);
  return [await reload(first.id), await reload(second.id)];
}
