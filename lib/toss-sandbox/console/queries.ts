// What the console shows: recent payments and webhook deliveries, newest first.
import "server-only";
import { db, type Prisma } from "@/lib/db";

export interface ConsoleFilter {
  merchantId?: string;
  /** orderId or paymentKey */
  q?: string;
  take?: number;
}

export function listPayments(filter: ConsoleFilter = {}) {
  const where: Prisma.SandboxPaymentWhereInput = {
    ...(filter.merchantId ? { merchantId: filter.merchantId } : {}),
    ...(filter.q ? { OR: [{ orderId: filter.q }, { paymentKey: filter.q }] } : {}),
  };
  return db.sandboxPayment.findMany({ where, orderBy: { createdAt: "desc" }, take: filter.take ?? 50 });
}

export function listDeliveries(filter: ConsoleFilter & { paymentId?: string } = {}) {
  const where: Prisma.SandboxWebhookDeliveryWhereInput = {
    ...(filter.merchantId ? { merchantId: filter.merchantId } : {}),
    ...(filter.paymentId ? { paymentId: filter.paymentId } : {}),
    ...(filter.q ? { OR: [{ orderId: filter.q }, { transmissionId: filter.q }] } : {}),
  };
  return db.sandboxWebhookDelivery.findMany({ where, orderBy: { createdAt: "desc" }, take: filter.take ?? 50 });
}

/** A delivery as the console API returns it (the body parsed back to JSON). */
export function deliveryView(d: Prisma.SandboxWebhookDeliveryGetPayload<object>) {
  return {
    id: d.id,
    transmissionId: d.transmissionId,
    merchantId: d.merchantId,
    orderId: d.orderId,
    eventType: d.eventType,
    paymentStatus: d.paymentStatus,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    lastUrl: d.lastUrl,
    lastResponseStatus: d.lastResponseStatus,
    lastResponseBody: d.lastResponseBody,
    note: d.note,
    createdAt: d.createdAt.toISOString(),
    body: JSON.parse(d.body) as unknown,
  };
}
