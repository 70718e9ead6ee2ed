// The one-shot "next confirm" flags the console sets: fail with a Toss error code, or approve and hold
// the answer (a timeout). A flag on the payment (set by orderId or paymentKey) wins over the merchant's;
// either is read and cleared in one statement, so exactly one confirm takes it, across instances.
import "server-only";
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { SandboxConsoleError } from "./console-error";
import { CONFIRM_FAILURE_CODES } from "./errors";
import type { PendingClaim } from "./idempotency";
import { queryRows } from "@/lib/sql";
import { sqlTimestamp } from "@/lib/sql-time";

export const DEFAULT_CONFIRM_DELAY_MS = 15_000;
export const MAX_CONFIRM_DELAY_MS = 25_000;

export interface ConfirmFlags {
  errorCode: string | null;
  delayMs: number | null;
}

export const nextConfirmSchema = z.object({
  nextConfirm: z.enum(["none", "timeout", ...CONFIRM_FAILURE_CODES]),
  delayMs: z.coerce.number().int().min(0).max(MAX_CONFIRM_DELAY_MS).optional(),
});

/** `nextConfirm` as the console and CLI send it → the two columns. */
export function flagsFrom(input: z.infer<typeof nextConfirmSchema>): { nextConfirmErrorCode: string | null; nextConfirmDelayMs: number | null } {
  if (input.nextConfirm === "none") return { nextConfirmErrorCode: null, nextConfirmDelayMs: null };
  if (input.nextConfirm === "timeout") return { nextConfirmErrorCode: null, nextConfirmDelayMs: input.delayMs ?? DEFAULT_CONFIRM_DELAY_MS };
  return { nextConfirmErrorCode: input.nextConfirm, nextConfirmDelayMs: null };
}

async function takeMerchantFlags(merchantId: string): Promise<ConfirmFlags | null> {
  const rows = await db.$queryRaw<ConfirmFlags[]>`
    UPDATE "SandboxMerchant" AS m
    SET "nextConfirmErrorCode" = NULL, "nextConfirmDelayMs" = NULL, "updatedAt" = now()
    FROM (
      SELECT id, "nextConfirmErrorCode", "nextConfirmDelayMs" FROM "SandboxMerchant" WHERE id = ${merchantId} FOR UPDATE
    ) AS old
    WHERE m.id = old.id AND (old."nextConfirmErrorCode" IS NOT NULL OR old."nextConfirmDelayMs" IS NOT NULL)
    RETURNING old."nextConfirmErrorCode" AS "errorCode", old."nextConfirmDelayMs" AS "delayMs"`;
  return rows[0] ?? null;
}

async function takePaymentFlags(paymentId: string): Promise<ConfirmFlags | null> {
  const rows = await db.$queryRaw<ConfirmFlags[]>`
    UPDATE "SandboxPayment" AS p
    SET "nextConfirmErrorCode" = NULL, "nextConfirmDelayMs" = NULL, "updatedAt" = now()
    FROM (
      SELECT id, "nextConfirmErrorCode", "nextConfirmDelayMs" FROM "SandboxPayment" WHERE id = ${paymentId} FOR UPDATE
    ) AS old
    WHERE p.id = old.id AND (old."nextConfirmErrorCode" IS NOT NULL OR old."nextConfirmDelayMs" IS NOT NULL)
    RETURNING old."nextConfirmErrorCode" AS "errorCode", old."nextConfirmDelayMs" AS "delayMs"`;
  return rows[0] ?? null;
}

type Flags = { errorCode: string | null; delayMs: number | null };

/**
 * A confirm's read, in one statement: the payment by its key, and (only when it can be confirmed now:
 * this merchant's and order's, IN_PROGRESS, this amount, its window open at `openSince`) this confirm's
 * flags taken as takeConfirmFlags takes them: the payment's if it has any, else the merchant's. With
 * `claim`, the same statement claims the request's idempotency key (lib/toss-sandbox/idempotency.ts).
 */
export async function findPaymentTakingConfirmFlags(
  input: { merchantId: string; paymentKey: string; orderId: string; amount: number },
  openSince: Date,
  claim: PendingClaim | null = null,
): Promise<{ payment: SandboxPayment | null; flags: ConfirmFlags; claimed: boolean }> {
  // With a claim: the idempotency key is inserted by this same statement, and flags are taken only when
  // it was (a request that did not claim its key must not use up a flag).
  const claimed = claim
    ? Prisma.sql`INSERT INTO "SandboxIdempotencyKey" ("id", "key", "secretKeyHash", "method", "path", "expiresAt")
        VALUES (${claim.id}, ${claim.key}, ${claim.secretKeyHash}, ${claim.method}, ${claim.path}, ${sqlTimestamp(claim.expiresAt)})
        ON CONFLICT ("key", "secretKeyHash", "method", "path") DO NOTHING
        RETURNING "id"`
    : Prisma.sql`SELECT NULL::text AS "id" WHERE false`;
  const rows = await queryRows<Partial<SandboxPayment> & { claimedId: string | null; paymentFlags: Flags | null; merchantFlags: Flags | null }>(Prisma.sql`
    WITH "claimed" AS (
      ${claimed}
    ), "found" AS (
      SELECT * FROM "SandboxPayment" WHERE "paymentKey" = ${input.paymentKey}
    ), "confirmable" AS (
      SELECT "id" FROM "found"
      WHERE "merchantId" = ${input.merchantId} AND "orderId" = ${input.orderId} AND "status" = 'IN_PROGRESS'
        AND "totalAmount" = ${input.amount}
        AND ("authenticatedAt" IS NULL OR "authenticatedAt" >= (${openSince.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
        AND (${claim === null} OR EXISTS (SELECT 1 FROM "claimed"))
    ), "paymentFlags" AS (
      UPDATE "SandboxPayment" AS p
      SET "nextConfirmErrorCode" = NULL, "nextConfirmDelayMs" = NULL, "updatedAt" = now()
      FROM (
        SELECT id, "nextConfirmErrorCode", "nextConfirmDelayMs" FROM "SandboxPayment"
        WHERE id IN (SELECT "id" FROM "confirmable") FOR UPDATE
      ) AS old
      WHERE p.id = old.id AND (old."nextConfirmErrorCode" IS NOT NULL OR old."nextConfirmDelayMs" IS NOT NULL)
      RETURNING old."nextConfirmErrorCode" AS "errorCode", old."nextConfirmDelayMs" AS "delayMs"
    ), "merchantFlags" AS (
      UPDATE "SandboxMerchant" AS m
      SET "nextConfirmErrorCode" = NULL, "nextConfirmDelayMs" = NULL, "updatedAt" = now()
      FROM (
        SELECT id, "nextConfirmErrorCode", "nextConfirmDelayMs" FROM "SandboxMerchant"
        WHERE id = ${input.merchantId} AND EXISTS (SELECT 1 FROM "confirmable") FOR UPDATE
      ) AS old
      WHERE m.id = old.id AND (old."nextConfirmErrorCode" IS NOT NULL OR old."nextConfirmDelayMs" IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM "paymentFlags")
      RETURNING old."nextConfirmErrorCode" AS "errorCode", old."nextConfirmDelayMs" AS "delayMs"
    )
    SELECT f.*, (SELECT "id" FROM "claimed") AS "claimedId",
           (SELECT row_to_json(pf) FROM "paymentFlags" pf) AS "paymentFlags",
           (SELECT row_to_json(mf) FROM "merchantFlags" mf) AS "merchantFlags"
    FROM (SELECT 1) AS "one" LEFT JOIN "found" f ON true`);
  // One row always (the claim's outcome), the payment's columns null when there is no such payment.
  const { claimedId, paymentFlags, merchantFlags, ...payment } = rows[0]!;
  return {
    payment: payment.id ? (payment as SandboxPayment) : null,
    flags: paymentFlags ?? merchantFlags ?? { errorCode: null, delayMs: null },
    claimed: claimedId !== null,
  };
}

/** The flags for this confirm: the payment's if it has any, else the merchant's. */
export async function takeConfirmFlags(merchantId: string, paymentId: string): Promise<ConfirmFlags> {
  return (await takePaymentFlags(paymentId)) ?? (await takeMerchantFlags(merchantId)) ?? { errorCode: null, delayMs: null };
}

/** The console's per-payment setting: only this payment's next confirm fails or hangs. */
export async function setPaymentNextConfirm(payment: SandboxPayment, body: unknown): Promise<SandboxPayment> {
  const input = nextConfirmSchema.safeParse(body);
  if (!input.success) throw new SandboxConsoleError("INVALID_REQUEST", "nextConfirm은 none, timeout 또는 승인 실패 코드입니다.", 400);
  if (!["READY", "IN_PROGRESS"].includes(payment.status)) {
    throw new SandboxConsoleError("ALREADY_PROCESSED", `${payment.status} 상태의 결제는 더 이상 승인되지 않습니다.`);
  }
  return db.sandboxPayment.update({ where: { id: payment.id }, data: flagsFrom(input.data) });
}
