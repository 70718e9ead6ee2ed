import "server-only";
import { getCredits, getOrderCreditEntries, type CreditEntry } from "@/lib/credits/get-credits";
import { getOrderLot, type CreditSummary } from "@/lib/credits/lots";
import { db } from "@/lib/db";
import { adminErrors } from "./errors";
import { getBuyerAutoCharge, type BuyerAutoCharge } from "./get-buyer-auto-charge";
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
  /** the buyer's credits: balance (from their lots), held, next expiry, lots and most recent entries */
  buyer: CreditSummary & { entries: CreditEntry[] };
  /** the buyer's saved card (masked), monthly plan and auto top-up */
  autoCharge: BuyerAutoCharge;
  /** this order's lot, null before it is paid (or for a pack of no credits) */
  orderLot: OrderLot | null;
  /** this order's own entries (its grant, what its cancels took back and any shortfall), newest first */
  orderEntries: CreditEntry[];
}

export interface OrderLot {
  id: string;
  amount: number;
  remaining: number;
  held: number;
  expiresAt: string | null;
  expired: boolean;
}

/** Everything the console shows of one order. Throws ORDER_NOT_FOUND. */
export async function getOrderDetail(orderId: string): Promise<AdminOrderDetail> {
  const order = await db.order.findUnique({ where: { orderId }, include: { user: { select: { email: true } } } });
  if (!order) throw adminErrors.orderNotFound();
  const [events, webhooks, buyer, lot, orderEntries, autoCharge] = await Promise.all([
    db.paymentEvent.findMany({ where: { orderId: order.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.tossWebhookReceipt.findMany({ where: { orderId: order.orderId }, orderBy: { receivedAt: "asc" } }),
    getCredits(order.userId, 100),
    getOrderLot(order.orderId),
    getOrderCreditEntries(order.userId, order.orderId),
    getBuyerAutoCharge(order.userId),
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
    autoCharge,
    orderLot: lot && {
      id: lot.id,
      amount: lot.amount,
      remaining: lot.remaining,
      held: lot.held,
      expiresAt: lot.expiresAt?.toISOString() ?? null,
      expired: lot.expiresAt !== null && lot.expiresAt.getTime() <= Date.now(),
    },
    orderEntries,
  };
}
