// The one-shot "next confirm" flags the console sets: fail with a Toss error code, or approve and hold
// the answer (a timeout). A flag on the payment (set by orderId or paymentKey) wins over the merchant's;
// either is read and cleared in one statement, so exactly one confirm takes it, across instances.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { SandboxConsoleError } from "./console-error";
import { CONFIRM_FAILURE_CODES } from "./errors";

export const DEFAULT_CONFIRM_DELAY_MS = 15_000;
const MAX_CONFIRM_DELAY_MS = 25_000;

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
 * flags taken as takeConfirmFlags takes them: the payment's if it has any, else the merchant's.
 */
export async function findPaymentTakingConfirmFlags(
  input: { merchantId: string; paymentKey: string; orderId: string; amount: number },
  openSince: Date,
): Promise<{ payment: SandboxPayment | null; flags: ConfirmFlags }> {
  const rows = await db.$queryRaw<(SandboxPayment & { paymentFlags: Flags | null; merchantFlags: Flags | null })[]>`
    WITH "found" AS (
      SELECT * FROM "SandboxPayment" WHERE "paymentKey" = ${input.paymentKey}
    ), "confirmable" AS (
      SELECT "id" FROM "found"
      WHERE "merchantId" = ${input.merchantId} AND "orderId" = ${input.orderId} AND "status" = 'IN_PROGRESS'
        AND "totalAmount" = ${input.amount}
        AND ("authenticatedAt" IS NULL OR "authenticatedAt" >= (${openSince.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
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
    SELECT f.*, (SELECT row_to_json(pf) FROM "paymentFlags" pf) AS "paymentFlags",
                (SELECT row_to_json(mf) FROM "merchantFlags" mf) AS "merchantFlags"
    FROM "found" f`;
  const row = rows[0];
  if (!row) return { payment: null, flags: { errorCode: null, delayMs: null } };
  const { paymentFlags, merchantFlags, ...payment } = row;
  return { payment: payment as SandboxPayment, flags: paymentFlags ?? merchantFlags ?? { errorCode: null, delayMs: null } };
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
