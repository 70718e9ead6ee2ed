// Every payment status change goes through here: a conditional update (the row must still be in one
// of the `from` statuses, plus any extra condition) and, in the same transaction, the webhooks the new
// status sends. 0 rows updated means someone else changed the payment first: the caller decides.
// Given the row as the caller read it (`current`), the change is ONE statement: a data-modifying CTE
// updates the row (also requiring the fields a webhook body shows to be as read, so the bodies made
// from the read row plus `data` are exact), inserts its webhook deliveries, and can store the API
// answer of the idempotency key in flight (`answer`): one round trip, one transaction, no read-back.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { SandboxPayment, SandboxPaymentStatus } from "@/lib/generated/prisma/client";
import type { ApiResult } from "./http";
import { answerInFlightKey, inFlightKey } from "./idempotency";
import { queryRows } from "@/lib/sql";
import { sqlTimestamp } from "@/lib/sql-time";
import { DELIVERY_LEASE_MS, rememberClaimedAtInsert } from "./webhooks/deliver";
import { newTransmissionId } from "./ids";
import { eventsForStatus } from "./webhooks/events";
import { enqueueStatusWebhooks } from "./webhooks/enqueue";

export interface Transitioned {
  payment: SandboxPayment;
  deliveryIds: string[];
}

export interface TransitionOptions {
  where?: Prisma.SandboxPaymentWhereInput;
  now?: Date;
  notify?: boolean;
  /** the payment as the caller read it: makes the change one statement */
  current?: SandboxPayment;
  /** the API answer once changed, stored on the request's idempotency key in the same statement */
  answer?: (payment: SandboxPayment) => ApiResult;
  /** the stored answer is held back until then: a repeat of the request meanwhile hears 409 */
  answerHeldUntil?: Date;
  /**
   * the caller sends the new deliveries itself right away (sendSoon, deliverAll): they are inserted
   * claimed (SENDING, leased), so that their first send needs no claim statement of its own
   */
  sendingNow?: boolean;
}

export async function transitionPayment(
  paymentId: string,
  from: SandboxPaymentStatus[],
  data: Prisma.SandboxPaymentUpdateManyMutationInput,
  options: TransitionOptions = {},
): Promise<Transitioned | null> {
  const now = options.now ?? new Date();
  if (options.current && isPlain(data) && isPlain(options.where ?? {})) {
    return transitionInOneStatement(options.current, from, data as Record<string, unknown>, { ...options, now });
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.sandboxPayment.updateMany({
      where: { ...options.where, id: paymentId, status: { in: from } },
      data,
    });
    if (count === 0) return null;
    const payment = await tx.sandboxPayment.findUniqueOrThrow({ where: { id: paymentId } });
    const deliveryIds = options.notify === false ? [] : await enqueueStatusWebhooks(tx, payment, now);
    return { payment, deliveryIds };
  });
}

const JSON_COLUMNS = new Set(["cancels", "refundReceiveAccount"]);
const COLUMN = /^[A-Za-z]+$/;

/** Plain values only (no Prisma operators such as { increment }): what one statement can write as is. */
function isPlain(values: object): boolean {
  return Object.entries(values).every(
    ([key, value]) =>
      COLUMN.test(key) &&
      (value === null || value instanceof Date || typeof value !== "object" || JSON_COLUMNS.has(key)),
  );
}

/** A timestamp(3) column's value: UTC wall time, as Prisma writes it. */
const at = sqlTimestamp;

function assignment(key: string, value: unknown) {
  const column = Prisma.raw(`"${key}"`);
  if (value === undefined) return null;
  if (key === "status") return Prisma.sql`${column} = ${value}::"SandboxPaymentStatus"`;
  if (JSON_COLUMNS.has(key)) return Prisma.sql`${column} = ${value === null ? null : JSON.stringify(value)}::jsonb`;
  if (value instanceof Date) return Prisma.sql`${column} = ${at(value)}`;
  return Prisma.sql`${column} = ${value}`;
}

function condition(key: string, value: unknown) {
  const column = Prisma.raw(`p."${key}"`);
  if (value === null) return Prisma.sql`${column} IS NULL`;
  if (value instanceof Date) return Prisma.sql`${column} = ${at(value)}`;
  return Prisma.sql`${column} = ${value}`;
}

async function transitionInOneStatement(
  current: SandboxPayment,
  from: SandboxPaymentStatus[],
  data: Record<string, unknown>,
  options: TransitionOptions & { now: Date },
): Promise<Transitioned | null> {
  const { now } = options;
  const changes = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  const predicted = { ...current, ...changes, updatedAt: now } as SandboxPayment;
  const events = options.notify === false ? [] : eventsForStatus(predicted, env.appUrl, now);
  const deliveries = events.map((event, position) => ({ position, transmissionId: newTransmissionId(), ...event }));
  const key = options.answer ? inFlightKey() : null;
  const answer = key && options.answer ? options.answer(predicted) : null;

  // What a webhook body or the answer shows must be as read (besides what this change writes).
  const guarded = { lastTransactionKey: current.lastTransactionKey, balanceAmount: current.balanceAmount, accountExpired: current.accountExpired };
  const where = [
    Prisma.sql`p."id" = ${current.id}`,
    Prisma.sql`p."status"::text = ANY(${from}::text[])`,
    ...Object.entries({ ...guarded, ...(options.where as Record<string, unknown> | undefined) }).map(([k, v]) => condition(k, v)),
  ];
  const sets = Object.entries(changes).map(([k, v]) => assignment(k, v)!);
  sets.push(Prisma.sql`"updatedAt" = ${at(now)}`);

  const status = options.sendingNow ? "SENDING" : "PENDING";
  const leaseUntil = options.sendingNow ? new Date(now.getTime() + DELIVERY_LEASE_MS) : null;
  type Merchant = { webhookUrl: string | null; timeScale: number | null };
  const rows = await queryRows<SandboxPayment & { deliveryIds: { id: string; transmissionId: string }[] | null; merchant: Merchant | null }>(Prisma.sql`
    WITH "moved" AS (
      UPDATE "SandboxPayment" p SET ${Prisma.join(sets, ", ")}
      WHERE ${Prisma.join(where, " AND ")}
      RETURNING p.*
    ), "deliveries" AS (
      INSERT INTO "SandboxWebhookDelivery"
        ("id", "transmissionId", "merchantId", "paymentId", "orderId", "eventType", "paymentStatus", "body", "nextAttemptAt",
         "status", "leaseUntil", "createdAt", "updatedAt")
      SELECT ${randomUUID()} || '-' || d."position", d."transmissionId", m."merchantId", m."id", m."orderId", d."eventType",
             d."paymentStatus", d."body", ${at(now)}, ${status}::"SandboxWebhookStatus",
             ${leaseUntil ? at(leaseUntil) : null}, ${at(now)}, ${at(now)}
      FROM "moved" m
      CROSS JOIN jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb)
        AS d("position" int, "transmissionId" text, "eventType" text, "paymentStatus" text, "body" text)
      RETURNING "id", "transmissionId"
    ), "answered" AS (
      UPDATE "SandboxIdempotencyKey" SET "status" = 'DONE', "responseStatus" = ${answer?.status ?? null}::int,
                                         "responseBody" = ${answer ? JSON.stringify(answer.body) : null},
                                         "answerHeldUntil" = ${options.answerHeldUntil ? at(options.answerHeldUntil) : null}
      WHERE "id" = ${key?.id ?? null} AND EXISTS (SELECT 1 FROM "moved")
    )
    SELECT m.*, (SELECT json_agg(d) FROM "deliveries" d) AS "deliveryIds",
           (SELECT row_to_json(s) FROM (SELECT "webhookUrl", "timeScale" FROM "SandboxMerchant" WHERE "id" = m."merchantId") s) AS "merchant"
    FROM "moved" m`);
  const row = rows[0];
  if (!row) return null;
  const { deliveryIds: inserted, merchant, ...payment } = row;
  if (key && answer) answerInFlightKey(key);
  const idOf = new Map((inserted ?? []).map((d) => [d.transmissionId, d.id]));
  const deliveryIds = deliveries.map((d) => idOf.get(d.transmissionId)!);
  if (options.sendingNow) {
    for (const d of deliveries) {
      rememberClaimedAtInsert({
        id: idOf.get(d.transmissionId)!,
        merchantId: payment.merchantId,
        body: d.body,
        attempts: 0,
        transmissionId: d.transmissionId,
        webhookUrl: payment.webhookUrl ?? merchant?.webhookUrl ?? null,
        timeScale: merchant?.timeScale ?? null,
      });
    }
  }
  return { payment: payment as SandboxPayment, deliveryIds };
}
