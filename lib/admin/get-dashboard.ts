import "server-only";
import { db } from "@/lib/db";
import { CONFIRM_GRACE_MS } from "@/lib/payments/reconcile";
import { kstPeriods } from "@/lib/kst";
import { toAdminOrderRow, type AdminOrderRow } from "./order-row";

/** A webhook received but never processed: we answered it with a 5xx (Toss retries it). */
const WEBHOOK_FAILED_AFTER_MS = 60_000;

export interface PeriodTotals {
  paidOrders: number;
  revenue: number;
  /** orders whose cancels took credits back in the period, and the won those cancels returned */
  refundedOrders: number;
  refundedAmount: number;
}

export interface Dashboard {
  today: PeriodTotals;
  month: PeriodTotals;
  stuck: { confirmUnknown: number; depositOverdue: number; orders: AdminOrderRow[] };
  failedWebhooks: { count: number; latest: { transmissionId: string; eventType: string; receivedAt: string; orderId: string | null }[] };
  lastReconcile: { at: string; report: unknown } | null;
}

async function totals(from: Date, to: Date): Promise<PeriodTotals> {
  const [paid, refunds] = await Promise.all([
    db.order.aggregate({ where: { approvedAt: { gte: from, lt: to } }, _count: { _all: true }, _sum: { amount: true } }),
    // Refunds as the ledger saw them: every Toss cancel that took credits back (CREDITS_REVERSED events).
    db.$queryRaw<{ orders: bigint; amount: bigint | null }[]>`
      SELECT COUNT(DISTINCT e."orderId") AS "orders", SUM((r->>'cancelAmount')::bigint) AS "amount"
      FROM "PaymentEvent" e CROSS JOIN LATERAL jsonb_array_elements(e."payload"->'reversals') r
      WHERE e."type" = 'CREDITS_REVERSED' AND e."createdAt" >= ${from} AND e."createdAt" < ${to}`,
  ]);
  return {
    paidOrders: paid._count._all,
    revenue: paid._sum.amount ?? 0,
    refundedOrders: Number(refunds[0]?.orders ?? 0),
    refundedAmount: Number(refunds[0]?.amount ?? 0),
  };
}

/** Today's and this month's figures (Seoul time), orders stuck, webhooks we failed, the last reconciliation. */
export async function getDashboard(now = new Date()): Promise<Dashboard> {
  const { todayStart, tomorrowStart, monthStart } = kstPeriods(now);
  const stuckWhere = {
    OR: [
      { status: "PENDING" as const, confirmAttemptedAt: { lt: new Date(now.getTime() - CONFIRM_GRACE_MS) } },
      { status: "WAITING_FOR_DEPOSIT" as const, virtualAccountDueDate: { lt: now } },
    ],
  };
  const failedWhere = { processedAt: null, receivedAt: { lt: new Date(now.getTime() - WEBHOOK_FAILED_AFTER_MS) } };
  const [today, month, confirmUnknown, depositOverdue, stuckOrders, failedCount, failed, reconcileRun] = await Promise.all([
    totals(todayStart, tomorrowStart),
    totals(monthStart, tomorrowStart),
    db.order.count({ where: stuckWhere.OR[0] }),
    db.order.count({ where: stuckWhere.OR[1] }),
    db.order.findMany({ where: stuckWhere, orderBy: { createdAt: "asc" }, take: 20, include: { user: { select: { email: true } } } }),
    db.tossWebhookReceipt.count({ where: failedWhere }),
    db.tossWebhookReceipt.findMany({ where: failedWhere, orderBy: { receivedAt: "desc" }, take: 10 }),
    db.paymentEvent.findFirst({ where: { type: "RECONCILE_RUN" }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    today,
    month,
    stuck: { confirmUnknown, depositOverdue, orders: stuckOrders.map(toAdminOrderRow) },
    failedWebhooks: {
      count: failedCount,
      latest: failed.map((w) => ({ transmissionId: w.transmissionId, eventType: w.eventType, receivedAt: w.receivedAt.toISOString(), orderId: w.orderId })),
    },
    lastReconcile: reconcileRun ? { at: reconcileRun.createdAt.toISOString(), report: reconcileRun.payload } : null,
  };
}
