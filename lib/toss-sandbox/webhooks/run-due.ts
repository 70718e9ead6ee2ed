// Sends every delivery that has come due (first sends whose after() never ran, and retries), and
// expires payments whose windows closed. Run by the cron route, the console, and after each API call.
import "server-only";
import { db } from "@/lib/db";
import { expireStalePayments } from "../expire";
import { deliverNow, type AttemptOutcome } from "./deliver";
import { deliverAll } from "./deliver-all";

export interface DueRun {
  expired: number;
  sent: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** A first send younger than this belongs to the request that made it (sendSoon), which keeps order. */
const FIRST_SEND_GRACE_MS = 15_000;

export async function runDueDeliveries(options: { limit?: number; merchantId?: string } = {}): Promise<DueRun> {
  const now = new Date();
  const expiry = await expireStalePayments(now);
  await deliverAll(expiry.deliveryIds);
  const due = await db.sandboxWebhookDelivery.findMany({
    where: {
      ...(options.merchantId ? { merchantId: options.merchantId } : {}),
      OR: [
        { status: "PENDING", attempts: { gt: 0 }, nextAttemptAt: { lte: now } },
        { status: "PENDING", attempts: 0, createdAt: { lt: new Date(now.getTime() - FIRST_SEND_GRACE_MS) } },
        { status: "SENDING", leaseUntil: { lt: now } },
      ],
    },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: options.limit ?? 50,
    select: { id: true },
  });
  const outcomes = await Promise.all(due.map((d) => deliverNow(d.id)));
  const count = (o: AttemptOutcome) => outcomes.filter((x) => x === o).length;
  return {
    expired: expiry.changed,
    sent: outcomes.filter(Boolean).length,
    delivered: count("DELIVERED"),
    retrying: count("RETRY"),
    failed: count("FAILED"),
  };
}
