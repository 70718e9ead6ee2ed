import "server-only";
import { getCredits, type CreditEntry } from "@/lib/credits/get-credits";
import { db } from "@/lib/db";
import { adminErrors } from "./errors";
import { toAdminOrderRow, type AdminOrderRow } from "./order-row";

export interface AdminPaymentEvent {
  id: string;
  type: string;
  status: string | null;
  tossTraceId: string | null;
  /** already redacted when written (lib/payments/record-event.ts) */
  payload: unknown;
  createdAt: string;
}

export interface AdminWebhookReceipt {
  id: string;
  transmissionId: string;
  eventType: string;
  retriedCount: number;
  receivedAt: string;
  processedAt: string | null;
  outcome: string | null;
}

export interface AdminOrderDetail {
  order: AdminOrderRow & { failureCode: string | null; failureMessage: string | null; confirmAttemptedAt: string | null };
  /** oldest first: the order's whole story */
  events: AdminPaymentEvent[];
  webhooks: AdminWebhookReceipt[];
  buyer: { balance: number; entries: CreditEntry[] };
}

/** Everything the console shows of one order. Throws ORDER_NOT_FOUND. */
export async function getOrderDetail(orderId: string): Promise<AdminOrderDetail> {
  const order = await db.order.findUnique({ where: { orderId }, include: { user: { select: { email: true } } } });
  if (!order) throw adminErrors.orderNotFound();
  const [events, webhooks, buyer] = await Promise.all([
    db.paymentEvent.findMany({ where: { orderId: order.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.tossWebhookReceipt.findMany({ where: { orderId: order.orderId }, orderBy: { receivedAt: "asc" } }),
    getCredits(order.userId, 100),
  ]);
  return {
    order: {
      ...toAdminOrderRow(order),
      failureCode: order.failureCode,
      failureMessage: order.failureMessage,
      confirmAttemptedAt: order.confirmAttemptedAt?.toISOString() ?? null,
    },
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      status: e.status,
      tossTraceId: e.tossTraceId,
      payload: e.payload,
      createdAt: e.createdAt.toISOString(),
    })),
    webhooks: webhooks.map((w) => ({
      id: w.id,
      transmissionId: w.transmissionId,
      eventType: w.eventType,
      retriedCount: w.retriedCount,
      receivedAt: w.receivedAt.toISOString(),
      processedAt: w.processedAt?.toISOString() ?? null,
      outcome: w.outcome,
    })),
    buyer,
  };
}
