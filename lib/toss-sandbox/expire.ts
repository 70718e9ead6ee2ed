// Expiry. A payment window or confirm window that closed makes the payment EXPIRED (with its webhook),
// lazily when the payment is next touched and in bulk from runDueDeliveries. A virtual account past its
// due date stays WAITING_FOR_DEPOSIT with virtualAccount.expired = true and sends no webhook (TOSS.md):
// the merchant must expire the order itself.
import "server-only";
import { db } from "@/lib/db";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { SandboxConsoleError } from "./console-error";
import { transitionPayment, type Transitioned } from "./transition";
import { CONFIRM_WINDOW_MS, PAYMENT_WINDOW_MS, windowClosed } from "./windows";
import { sendSoon } from "./webhooks/send-soon";

const EXPIRED = { status: "EXPIRED" as const, failureCode: "EXPIRED_PAYMENT", failureMessage: "결제가 만료되었습니다. 다시 시도해주세요." };

function toExpired(payment: Pick<SandboxPayment, "id" | "status">, now: Date): Promise<Transitioned | null> {
  return transitionPayment(payment.id, [payment.status === "IN_PROGRESS" ? "IN_PROGRESS" : "READY"], EXPIRED, { now });
}

/** Expires the payment if its window has closed; returns the payment as it now is. */
export async function expireIfStale(payment: SandboxPayment, now = new Date()): Promise<SandboxPayment> {
  if (!windowClosed(payment, now)) return payment;
  const done = await toExpired(payment, now);
  if (done) sendSoon(done.deliveryIds);
  return done?.payment ?? (await db.sandboxPayment.findUniqueOrThrow({ where: { id: payment.id } }));
}

/**
 * The sweep: every payment whose window closed, and every virtual account past its due date. Returns
 * how many changed and the webhook deliveries to send (the caller sends them: it runs outside a request).
 */
export async function expireStalePayments(now: Date, limit = 50): Promise<{ changed: number; deliveryIds: string[] }> {
  const stale = await db.sandboxPayment.findMany({
    where: {
      OR: [
        { status: "READY", requestedAt: { lt: new Date(now.getTime() - PAYMENT_WINDOW_MS) } },
        { status: "IN_PROGRESS", authenticatedAt: { lt: new Date(now.getTime() - CONFIRM_WINDOW_MS) } },
      ],
    },
    take: limit,
  });
  let expired = 0;
  const deliveryIds: string[] = [];
  for (const payment of stale) {
    const done = await toExpired(payment, now);
    if (done) {
      expired++;
      deliveryIds.push(...done.deliveryIds);
    }
  }
  const accounts = await db.sandboxPayment.updateMany({
    where: { status: "WAITING_FOR_DEPOSIT", accountExpired: false, dueDate: { lt: now } },
    data: { accountExpired: true },
  });
  return { changed: expired + accounts.count, deliveryIds };
}

/** The console's "만료": closes the window now, as if the time had run out. */
export async function expirePayment(payment: SandboxPayment): Promise<SandboxPayment> {
  const now = new Date();
  if (payment.status === "READY" || payment.status === "IN_PROGRESS") {
    const done = await toExpired(payment, now);
    if (!done) throw SandboxConsoleError.changed();
    sendSoon(done.deliveryIds);
    return done.payment;
  }
  if (payment.status === "WAITING_FOR_DEPOSIT" && !payment.accountExpired) {
    const done = await transitionPayment(
      payment.id,
      ["WAITING_FOR_DEPOSIT"],
      { accountExpired: true, dueDate: now },
      { where: { accountExpired: false }, notify: false },
    );
    if (!done) throw SandboxConsoleError.changed();
    return done.payment;
  }
  throw new SandboxConsoleError("NOT_EXPIRABLE", `${payment.status} 상태의 결제는 만료할 수 없습니다.`);
}
