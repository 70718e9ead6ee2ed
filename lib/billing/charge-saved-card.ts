// An automatic purchase (a plan period's charge, a top-up): an order of its own kind, charged to the
// user's saved card, settled by the same settle statement as a checkout (PAID, the pack's lot, the audit).
// Exactly once, decided in the database: the order's unique `chargeKey` makes one order per plan period or
// threshold crossing however many callers race; a claim on the order (`confirmAttemptedAt`, as for a
// confirm) lets one caller at a time charge it; the charge's Idempotency-Key (`auto-<orderId>`) makes a
// retry after a crash or timeout the same charge at Toss; and reconciliation sends that same charge
// again for an order whose outcome stayed unknown (lib/payments/reconcile.ts).
import "server-only";
import { db } from "@/lib/db";
import type { Order } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db-errors";
import { newOrderId } from "@/lib/ids";
import { kstDay } from "@/lib/kst";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { settleFromToss } from "@/lib/payments/settle-payment";
import { BillingNotConfiguredError, chargeBillingKey } from "@/lib/toss/billing";
import { TossApiError } from "@/lib/toss/errors";
import { billingErrors } from "./errors";

/** A claim older than this is taken to be its caller's crash: the next caller (or reconciliation) charges. */
export const AUTO_CHARGE_CLAIM_MS = 30_000;

export type AutoChargeOutcome =
  | { kind: "paid"; order: Order; changed: boolean }
  | { kind: "declined"; order: Order; code: string; message: string }
  | { kind: "processing"; order: Order }
  | { kind: "in_flight"; order: Order }
  /** another automatic purchase of this user is in flight (at most one at a time): nothing was made */
  | { kind: "busy" }
  /** a top-up past the day's cap (`dailyCap`): nothing was made */
  | { kind: "capped" };

/** The partial unique index that allows one automatic purchase in flight per user. */
const IN_FLIGHT_INDEX = "Order_userId_automatic_in_flight_key";

function isInFlightConflict(error: unknown): boolean {
  if (isUniqueViolation(error)) return true;
  const text = String((error as { message?: unknown })?.message ?? "");
  return text.includes("23505") || text.includes(IN_FLIGHT_INDEX);
}

export const autoChargeIdempotencyKey = (orderId: string) => `auto-${orderId}`;

/**
 * Charges `productCode` to the user's saved card under `chargeKey` (e.g. "plan:<userId>:2026-12"), once.
 * A repeat of the key answers what the first did: paid, declined, or still in the works.
 */
export interface ChargeSavedCardInput {
  userId: string;
  productCode: string;
  kind: "PLAN" | "TOP_UP";
  chargeKey: string;
  /**
   * TOP_UP: the most top-ups this user may have in a Seoul day. Each top-up takes the day's next number
   * (topUpDay, topUpSlot: unique per user), and none is made past the cap, however many race.
   */
  dailyCap?: number;
  now?: Date;
}

export async function chargeSavedCard(input: ChargeSavedCardInput): Promise<AutoChargeOutcome> {
  try {
    return await chargeOnce(input);
  } catch (error) {
    // One automatic purchase in flight per user, decided by the index: this one waits for the next run.
    if (isInFlightConflict(error)) return { kind: "busy" };
    throw error;
  }
}

async function chargeOnce(input: ChargeSavedCardInput): Promise<AutoChargeOutcome> {
  // A top-up takes the next number of its Seoul day, and is made only while that number is within the cap:
  // two that race for one number meet the unique (userId, topUpDay, topUpSlot), and the loser is "busy".
  const day = input.kind === "TOP_UP" ? kstDay(input.now ?? new Date()) : null;
  const cap = input.kind === "TOP_UP" ? (input.dailyCap ?? Number.MAX_SAFE_INTEGER) : null;
  const created = await db.$queryRaw<Order[]>`
    INSERT INTO "Order" ("id", "orderId", "userId", "productCode", "orderName", "amount", "credits", "status", "kind", "chargeKey",
                         "billingCardId", "topUpDay", "topUpSlot", "confirmAttemptedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${newOrderId()}, ${input.userId}, p."code", p."name", p."price", p."credits", 'PENDING'::"OrderStatus",
           ${input.kind}::"OrderKind", ${input.chargeKey}, c."id", ${day}::date, CASE WHEN ${day}::date IS NULL THEN NULL ELSE s."next" END,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM "Product" p CROSS JOIN "BillingCard" c
    CROSS JOIN (SELECT count(*)::int + 1 AS "next" FROM "Order" WHERE "userId" = ${input.userId} AND "topUpDay" = ${day}::date) s
    WHERE p."code" = ${input.productCode} AND p."active" AND c."userId" = ${input.userId} AND c."status" = 'ACTIVE'
      AND (${day}::date IS NULL OR s."next" <= ${cap}::bigint)
    ON CONFLICT ("chargeKey") DO NOTHING
    RETURNING *`;
  if (created[0]) return charge(created[0]);

  // The key's order exists (or there is no card or product): take it over if nobody holds it.
  const [claimed] = await db.$queryRaw<Order[]>`
    UPDATE "Order" SET "confirmAttemptedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "chargeKey" = ${input.chargeKey} AND "userId" = ${input.userId} AND "status" = 'PENDING'::"OrderStatus" AND "failureCode" IS NULL
      AND ("confirmAttemptedAt" IS NULL OR "confirmAttemptedAt" < (now() AT TIME ZONE 'UTC') - ${AUTO_CHARGE_CLAIM_MS}::int * interval '1 millisecond')
    RETURNING *`;
  if (claimed) return charge(claimed);

  const order = await db.order.findUnique({ where: { chargeKey: input.chargeKey } });
  if (!order && day && cap !== null && (await db.order.count({ where: { userId: input.userId, topUpDay: new Date(`${day}T00:00:00Z`) } })) >= cap) {
    return { kind: "capped" };
  }
  if (!order || order.userId !== input.userId) {
    const product = await db.product.findFirst({ where: { code: input.productCode, active: true } });
    throw product ? billingErrors.noCard() : billingErrors.productNotFound();
  }
  return outcomeOf(order);
}

/** What an order the caller did not charge now says. */
function outcomeOf(order: Order): AutoChargeOutcome {
  if (order.status === "PAID" || order.status === "PARTIAL_CANCELED" || (order.status === "CANCELED" && order.approvedAt)) {
    return { kind: "paid", order, changed: false };
  }
  if (order.failureCode) return { kind: "declined", order, code: order.failureCode, message: order.failureMessage ?? "" };
  if (order.status === "PENDING") return { kind: "in_flight", order };
  return { kind: "declined", order, code: order.status, message: "자동 결제가 진행되지 않았어요." };
}

/**
 * Sends the order's charge (again, after a crash: the same Idempotency-Key) and settles Toss's answer. The
 * caller holds the order's claim. A refusal is recorded on the order (it stays PENDING, unclaimed, and
 * reconciliation expires it): nothing is granted, and this key is never charged again.
 */
export async function charge(order: Order): Promise<AutoChargeOutcome> {
  const card = order.billingCardId ? await db.billingCard.findUnique({ where: { id: order.billingCardId } }) : null;
  if (!card || card.status !== "ACTIVE") return decline(order, "CARD_REMOVED", "등록된 카드가 삭제되어 자동 결제를 하지 않았어요.", null);
  await recordPaymentEvent(db, {
    orderDbId: order.id,
    orderId: order.orderId,
    type: "AUTO_CHARGE_REQUESTED",
    payload: { kind: order.kind, chargeKey: order.chargeKey, amount: order.amount },
  });
  try {
    const { data, traceId } = await chargeBillingKey(
      card.billingKey,
      { customerKey: card.customerKey, amount: order.amount, orderId: order.orderId, orderName: order.orderName },
      autoChargeIdempotencyKey(order.orderId),
    );
    if (data.status === "ABORTED") {
      return decline(order, data.failure?.code ?? "PAY_PROCESS_ABORTED", data.failure?.message ?? "카드사에서 결제를 거절했어요.", traceId);
    }
    const settled = await settleFromToss(order, data, "billing", traceId);
    if (settled.order.status === "PAID") return { kind: "paid", order: settled.order, changed: settled.changed };
    return outcomeOf(settled.order);
  } catch (error) {
    if (error instanceof BillingNotConfiguredError) return decline(order, "BILLING_NOT_AVAILABLE", "자동결제를 사용할 수 없어요.", null);
    if (!(error instanceof TossApiError)) throw error;
    if (error.kind === "final") return decline(order, error.code, error.message, error.traceId);
    // Unknown (a timeout, a 5xx): the claim stays; past it, the next caller or reconciliation sends the
    // same charge again under the same key.
    await recordPaymentEvent(db, {
      orderDbId: order.id,
      orderId: order.orderId,
      type: "AUTO_CHARGE_UNKNOWN",
      status: error.code,
      traceId: error.traceId,
    });
    return { kind: "processing", order };
  }
}

async function decline(order: Order, code: string, message: string, traceId: string | null): Promise<AutoChargeOutcome> {
  const [updated] = await db.$queryRaw<Order[]>`
    UPDATE "Order" SET "failureCode" = ${code}, "failureMessage" = ${message}, "confirmAttemptedAt" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" = ${order.id} AND "status" = 'PENDING'::"OrderStatus"
    RETURNING *`;
  await recordPaymentEvent(db, { orderDbId: order.id, orderId: order.orderId, type: "AUTO_CHARGE_DECLINED", status: code, traceId, payload: { message } });
  return { kind: "declined", order: updated ?? order, code, message };
}


/**
 * Reconciliation's step for an automatic purchase left claimed past AUTO_CHARGE_CLAIM_MS with no outcome
 * (its caller crashed or timed out): claims it and sends the same charge again (Toss answers a charge it
 * already made with its first answer). True when the order left the unknown state.
 */
export async function rechargeAttempted(order: Order): Promise<boolean> {
  const [claimed] = await db.$queryRaw<Order[]>`
    UPDATE "Order" SET "confirmAttemptedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" = ${order.id} AND "status" = 'PENDING'::"OrderStatus" AND "failureCode" IS NULL
      AND "confirmAttemptedAt" < (now() AT TIME ZONE 'UTC') - ${AUTO_CHARGE_CLAIM_MS}::int * interval '1 millisecond'
    RETURNING *`;
  if (!claimed) return false;
  const outcome = await charge(claimed);
  return outcome.kind === "paid" || outcome.kind === "declined";
}
