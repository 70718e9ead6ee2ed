import "server-only";
import { OPERATOR_DISABLED_CODE, OPERATOR_DISABLED_MESSAGE } from "@/lib/billing/stopped-by-operator";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { emailStatusSql, mailNewNotices } from "@/lib/notices/notices";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { adminErrors } from "./errors";
import type { Operator } from "./operator";

/** The buyer's monthly credit plan (CreditPlan) or their threshold auto top-up (AutoTopUp). */
export type AutoChargeTarget = "PLAN" | "TOP_UP";

export interface DisableAutoChargeResult {
  target: AutoChargeTarget;
  /** false: it was not running (already stopped, by a declined card, an operator or the buyer): nothing changed */
  changed: boolean;
  status: "ACTIVE" | "PAUSED" | "DISABLED" | "CANCELED";
  failureCode: string | null;
  failureMessage: string | null;
}

const AUDIT_TYPES: Record<AutoChargeTarget, string> = { PLAN: "ADMIN_PLAN_DISABLED", TOP_UP: "ADMIN_TOP_UP_DISABLED" };

/**
 * An operator turns off the automatic purchases of an order's buyer: their plan or their top-up, if it
 * is running (ACTIVE or PAUSED), becomes DISABLED with OPERATOR_DISABLED and a message the buyer reads
 * on their account page, where they may start it again (not CANCELED). One conditional update: a second
 * press, or two operators at once, change it once; the audit event (operator, reason) is written on the
 * order the operator acted from, in the same transaction as the change, only when there was one.
 * A charge already in flight finishes (and is refundable like any order); none starts after this.
 */
export async function disableAutoChargeAsOperator(
  operator: Operator,
  orderId: string,
  target: AutoChargeTarget,
  reason: string,
): Promise<DisableAutoChargeResult> {
  const order = await db.order.findUnique({ where: { orderId }, select: { id: true, orderId: true, paymentKey: true, userId: true } });
  if (!order) throw adminErrors.orderNotFound();
  const where = { userId: order.userId, status: { in: ["ACTIVE" as const, "PAUSED" as const] } };
  const data = { status: "DISABLED" as const, failureCode: OPERATOR_DISABLED_CODE, failureMessage: OPERATOR_DISABLED_MESSAGE };
  const { changed, notices } = await db.$transaction(async (tx) => {
    const { count } = target === "PLAN" ? await tx.creditPlan.updateMany({ where, data }) : await tx.autoTopUp.updateMany({ where, data });
    if (count === 0) return { changed: false, notices: [] };
    // The buyer is told (account page, and e-mail when a transport is set), once per stop of that start.
    const table = Prisma.raw(target === "PLAN" ? `"CreditPlan"` : `"AutoTopUp"`);
    const notices = await tx.$queryRaw<{ id: string; emailStatus: string }[]>`
      INSERT INTO "Notice" ("id", "userId", "kind", "dedupeKey", "data", "emailStatus")
      SELECT gen_random_uuid()::text, u."id", 'AUTO_CHARGE_STOPPED'::"NoticeKind",
        'stopped:' || ${target}::text || ':' || u."id" || ':' || (extract(epoch FROM t."agreedAt") * 1000)::bigint,
        jsonb_build_object('target', ${target}::text, 'packName', pr."name"), ${emailStatusSql("u")}
      FROM "User" AS u JOIN ${table} AS t ON t."userId" = u."id" JOIN "Product" AS pr ON pr."code" = t."productCode"
      WHERE u."id" = ${order.userId}
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id", "emailStatus"`;
    await recordPaymentEvent(tx, {
      orderDbId: order.id,
      orderId: order.orderId,
      paymentKey: order.paymentKey,
      type: AUDIT_TYPES[target],
      status: "DISABLED",
      payload: { operator: operator.email, operatorId: operator.id, reason, userId: order.userId, failureCode: OPERATOR_DISABLED_CODE },
    });
    return { changed: true, notices };
  });
  await mailNewNotices(notices);
  const select = { status: true, failureCode: true, failureMessage: true } as const;
  const now =
    target === "PLAN"
      ? await db.creditPlan.findUnique({ where: { userId: order.userId }, select })
      : await db.autoTopUp.findUnique({ where: { userId: order.userId }, select });
  if (!now) throw target === "PLAN" ? adminErrors.noPlan() : adminErrors.noTopUp();
  return { target, changed, ...now };
}
