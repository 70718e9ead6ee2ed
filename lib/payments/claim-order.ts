import "server-only";
import { Prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import type { Order } from "@/lib/generated/prisma/client";
import { logEvent } from "@/lib/log";
import { queryRows } from "@/lib/sql";
import { paymentErrors } from "./errors";
import type { ConfirmInput } from "./confirm-order";

export type Claim =
  /** the order is ours to confirm with Toss now (PENDING, marked confirm-attempted with this payment) */
  | { kind: "claimed"; order: Order }
  /** not claimed: the order as it was (settled already, or moved by another request meanwhile) */
  | { kind: "not-claimed"; order: Order };

type Row = Order & { claimed: boolean };

/**
 * The confirm's first step, in one statement (one round trip, one transaction): finds the buyer's
 * order, and when it is open, has this amount and no other payment, marks the attempt (paymentKey,
 * confirmAttemptedAt: if our process dies or Toss goes silent, reconciliation looks it up) and writes
 * the audit row of the attempt, or of the refused amount. The update is conditional as every status
 * change is: a concurrent confirm that got there first leaves this one unclaimed.
 */
export async function claimOrderForConfirm(userId: string, input: ConfirmInput): Promise<Claim> {
  let rows: Row[];
  try {
    rows = await queryRows<Row>(Prisma.sql`
      WITH "found" AS (
        SELECT * FROM "Order" WHERE "orderId" = ${input.orderId} AND "userId" = ${userId}
      ), "claimed" AS (
        UPDATE "Order" o SET "paymentKey" = ${input.paymentKey}, "confirmAttemptedAt" = now() AT TIME ZONE 'UTC',
                             "updatedAt" = now() AT TIME ZONE 'UTC'
        FROM "found" f
        WHERE o."id" = f."id" AND o."status" = 'PENDING' AND o."amount" = ${input.amount}
          AND (o."paymentKey" IS NULL OR o."paymentKey" = ${input.paymentKey})
        RETURNING o."id"
      ), "event" AS (
        INSERT INTO "PaymentEvent" ("id", "orderId", "paymentKey", "type", "payload", "createdAt")
        SELECT gen_random_uuid()::text, f."id", ${input.paymentKey},
               CASE WHEN f."amount" <> ${input.amount} THEN 'CONFIRM_REFUSED_AMOUNT_MISMATCH' ELSE 'CONFIRM_REQUESTED' END,
               CASE WHEN f."amount" <> ${input.amount}
                    THEN jsonb_build_object('amount', ${input.amount}::int, 'expected', f."amount")
                    ELSE jsonb_build_object('amount', ${input.amount}::int) END,
               now() AT TIME ZONE 'UTC'
        FROM "found" f
        WHERE f."amount" <> ${input.amount} OR EXISTS (SELECT 1 FROM "claimed")
      )
      SELECT f.*, EXISTS (SELECT 1 FROM "claimed") AS "claimed" FROM "found" f`);
  } catch (error) {
    // The paymentKey is unique: it already belongs to another of our orders.
    if (isUniqueViolation(error, "paymentKey")) throw paymentErrors.paymentKeyMismatch();
    throw error;
  }

  const row = rows[0];
  if (!row) throw paymentErrors.orderNotFound();
  const { claimed, ...found } = row;
  const order = found as Order;
  if (input.amount !== order.amount) {
    logEvent("info", "payment.CONFIRM_REFUSED_AMOUNT_MISMATCH", { orderId: order.orderId, paymentKey: input.paymentKey });
    throw paymentErrors.amountMismatch();
  }
  if (claimed) {
    logEvent("info", "payment.CONFIRM_REQUESTED", { orderId: order.orderId, paymentKey: input.paymentKey });
    // What the update wrote (RETURNING need not send it back: we know it).
    return { kind: "claimed", order: { ...order, paymentKey: input.paymentKey, confirmAttemptedAt: new Date() } };
  }
  return { kind: "not-claimed", order };
}
