import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/db";
import { logEvent } from "@/lib/log";

// Fields of Toss payloads that must never be stored in the audit log or printed.
const REDACTED_KEYS = new Set(["secret", "number", "cardNumber", "accountNumber", "depositSecret", "password"]);

/** A deep copy of a payload with secrets and card/account numbers replaced by "[redacted]". */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, REDACTED_KEYS.has(k) && v != null ? "[redacted]" : redact(v)]),
    );
  }
  return value;
}

export interface PaymentEventInput {
  /** our Order.id (not the Toss orderId), when the event concerns a known order */
  orderDbId?: string | null;
  /** the Toss orderId, for the log line */
  orderId?: string | null;
  paymentKey?: string | null;
  type: string;
  status?: string | null;
  traceId?: string | null;
  payload?: unknown;
}

/**
 * Writes the audit row (inside the caller's transaction when given one) and one structured log line.
 * Call it in the same transaction as the state change it describes.
 */
export async function recordPaymentEvent(tx: Tx, event: PaymentEventInput): Promise<void> {
  await tx.paymentEvent.create({
    data: {
      orderId: event.orderDbId ?? null,
      paymentKey: event.paymentKey ?? null,
      type: event.type,
      status: event.status ?? null,
      tossTraceId: event.traceId ?? null,
      payload: event.payload === undefined ? Prisma.DbNull : (redact(event.payload) as Prisma.InputJsonValue),
    },
  });
  logEvent("info", `payment.${event.type}`, {
    orderId: event.orderId ?? undefined,
    paymentKey: event.paymentKey ?? undefined,
    status: event.status ?? undefined,
    tossTraceId: event.traceId ?? undefined,
  });
}
