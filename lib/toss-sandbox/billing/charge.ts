// POST /v1/billing/{billingKey}: 자동결제 승인 (docs "코어 API", "자동결제 승인"). Body {customerKey, amount,
// orderId, orderName, customerEmail?, customerName?, customerIp?, taxFreeAmount?, taxExemptionAmount?};
// answers a Payment object (type BILLING, method 카드) that is DONE at once. The charge is stored as a
// sandbox payment like any other, so GET /v1/payments/{paymentKey} and /orders/{orderId}, cancels and
// PAYMENT_STATUS_CHANGED webhooks treat it as they treat a checkout's.
// Refused as Toss refuses (codes of Toss's table): an unknown, removed or other merchant's key →
// INVALID_BILL_KEY_REQUEST; another customerKey than the key's → NOT_MATCHES_CUSTOMER_KEY; an orderId
// already approved or canceled → DUPLICATED_ORDER_ID (a refused one may be tried again); amount ≤ 0 →
// BELOW_ZERO_AMOUNT, under 100 won → BELOW_MINIMUM_AMOUNT.
// The console makes charges fail: once (the key's nextChargeErrorCode), or every time while the card is
// reported lost or stolen (INVALID_CARD_LOST_OR_STOLEN) or expired (INVALID_CARD_EXPIRATION). A refusal
// records an ABORTED payment with its `failure` and webhook, as a refused confirm does; a forced 5xx or
// PROVIDER_ERROR records nothing (Toss did not decide). The change, its webhooks and the idempotent
// answer commit in one transaction.
import "server-only";
import { z } from "zod";
import { db, Prisma, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import type { SandboxBillingCardState, SandboxPayment } from "@/lib/generated/prisma/client";
import { isTossErrorCode, leavesPaymentUndecided, TOSS_ERRORS, TossSandboxError, type TossErrorCode } from "../errors";
import { errorResult, type ApiResult } from "../http";
import { answerInFlightKey, answerInTransaction } from "../idempotency";
import { newApproveNo, newPaymentKey, newTransactionKey } from "../ids";
import type { KeyFamily } from "../keys";
import { BILLING_CHARGE, toPaymentObject } from "../payment-object";
import { enqueueStatusWebhooks } from "../webhooks/enqueue";
import { sendSoon } from "../webhooks/send-soon";
import { EMAIL_RULE, minimumAmountOf, ORDER_ID_RULE } from "../widget-errors";
import { checkBillingCustomerKey } from "./customer-key";
import { findUsableBillingKey } from "./find-billing-key";

const amountSchema = z.union([z.number().int(), z.string().regex(/^-?\d{1,12}$/).transform(Number)]);

export const chargeBodySchema = z.object({
  customerKey: z.string(),
  amount: amountSchema,
  orderId: z.string(),
  orderName: z.string(),
  customerEmail: z.string().nullish(),
  customerName: z.string().max(100).nullish(),
  customerIp: z.string().max(100).nullish(),
  taxFreeAmount: z.number().int().nonnegative().nullish(),
  taxExemptionAmount: z.number().int().nonnegative().nullish(),
  cardInstallmentPlan: z.number().int().min(0).max(12).nullish(),
});

/** An orderId whose payment ended this way may be charged again; anything else is DUPLICATED_ORDER_ID. */
const REPLACEABLE = new Set(["READY", "ABORTED", "EXPIRED"]);

const CARD_STATE_ERRORS: Record<Exclude<SandboxBillingCardState, "NORMAL">, TossErrorCode> = {
  LOST_OR_STOLEN: "INVALID_CARD_LOST_OR_STOLEN",
  EXPIRED: "INVALID_CARD_EXPIRATION",
};

function checkCharge(body: unknown) {
  const parsed = chargeBodySchema.safeParse(body);
  if (!parsed.success) throw new TossSandboxError("INVALID_REQUEST");
  const input = parsed.data;
  checkBillingCustomerKey(input.customerKey);
  if (!ORDER_ID_RULE.test(input.orderId)) throw new TossSandboxError("INVALID_ORDER_ID");
  if (!input.orderName.trim()) throw new TossSandboxError("INVALID_REQUEST");
  if (input.orderName.length > 100) throw new TossSandboxError("INVALID_ORDER_NAME");
  if (input.customerEmail && (input.customerEmail.length > 100 || !EMAIL_RULE.test(input.customerEmail))) throw new TossSandboxError("INVALID_EMAIL");
  if (input.amount <= 0) throw new TossSandboxError("BELOW_ZERO_AMOUNT");
  if (input.amount < minimumAmountOf("카드")) throw new TossSandboxError("BELOW_MINIMUM_AMOUNT");
  if ((input.taxFreeAmount ?? 0) > input.amount) throw new TossSandboxError("INVALID_REQUEST");
  return input;
}

/**
 * Locks the key's row and takes its one-time failure (unless the card's state already decides): what
 * this charge meets. Null when the key was removed meanwhile.
 */
async function takeChargeOutcome(tx: Tx, keyId: string): Promise<{ errorCode: TossErrorCode | null; delayMs: number | null } | null> {
  const rows = await tx.$queryRaw<{ errorCode: string | null; delayMs: number | null; cardState: SandboxBillingCardState }[]>(Prisma.sql`
    UPDATE "SandboxBillingKey" AS k
    SET "nextChargeErrorCode" = CASE WHEN old."cardState" = 'NORMAL' THEN NULL ELSE old."nextChargeErrorCode" END,
        "nextChargeDelayMs" = CASE WHEN old."cardState" = 'NORMAL' THEN NULL ELSE old."nextChargeDelayMs" END,
        "updatedAt" = now()
    FROM (SELECT "id", "nextChargeErrorCode", "nextChargeDelayMs", "cardState" FROM "SandboxBillingKey" WHERE "id" = ${keyId} FOR UPDATE) AS old
    WHERE k."id" = old."id" AND k."deletedAt" IS NULL
    RETURNING old."nextChargeErrorCode" AS "errorCode", old."nextChargeDelayMs" AS "delayMs", old."cardState"::text AS "cardState"`);
  const row = rows[0];
  if (!row) return null;
  if (row.cardState !== "NORMAL") return { errorCode: CARD_STATE_ERRORS[row.cardState], delayMs: null };
  return { errorCode: row.errorCode && isTossErrorCode(row.errorCode) ? row.errorCode : null, delayMs: row.delayMs };
}

export async function chargeBillingKey(merchantId: string, keyFamily: KeyFamily, billingKey: string, body: unknown): Promise<ApiResult> {
  const input = checkCharge(body);
  const key = await findUsableBillingKey(merchantId, keyFamily, billingKey);
  if (key.customerKey !== input.customerKey) throw new TossSandboxError("NOT_MATCHES_CUSTOMER_KEY");
  const existing = await db.sandboxPayment.findUnique({ where: { merchantId_orderId: { merchantId, orderId: input.orderId } } });
  if (existing && !REPLACEABLE.has(existing.status)) throw new TossSandboxError("DUPLICATED_ORDER_ID");

  const now = new Date();
  let outcome:
    | { payment: SandboxPayment; deliveryIds: string[]; answer: ApiResult; key: { id: string } | null; holdMs: number | null }
    | { undecided: TossErrorCode };
  try {
    outcome = await db.$transaction(async (tx) => {
      const taken = await takeChargeOutcome(tx, key.id);
      if (!taken) throw new TossSandboxError("INVALID_BILL_KEY_REQUEST");
      const { errorCode, delayMs } = taken;
      if (errorCode && leavesPaymentUndecided(errorCode)) return { undecided: errorCode };

      const data = {
        paymentKey: newPaymentKey(now),
        orderName: input.orderName,
        method: "카드",
        easyPayProvider: null,
        status: errorCode ? ("ABORTED" as const) : ("DONE" as const),
        totalAmount: input.amount,
        balanceAmount: input.amount,
        customerKey: input.customerKey,
        customerEmail: input.customerEmail ?? null,
        customerName: input.customerName ?? null,
        customerMobilePhone: null,
        successUrl: "",
        failUrl: "",
        sdkVersion: BILLING_CHARGE,
        keyFamily: "API_INDIVIDUAL",
        requestedAt: now,
        authenticatedAt: now,
        approvedAt: errorCode ? null : now,
        lastTransactionKey: newTransactionKey(),
        secret: null,
        cardIssuerCode: key.cardIssuerCode,
        cardNumber: key.cardNumber,
        approveNo: errorCode ? null : newApproveNo(),
        accountNumber: null,
        bankCode: null,
        dueDate: null,
        accountExpired: false,
        refundStatus: "NONE",
        refundReceiveAccount: Prisma.DbNull,
        cancels: [],
        failureCode: errorCode,
        failureMessage: errorCode ? TOSS_ERRORS[errorCode].message : null,
        nextConfirmErrorCode: null,
        nextConfirmDelayMs: null,
        webhookUrl: null,
      };
      let payment: SandboxPayment;
      if (existing) {
        // A refused (or never finished) charge of this orderId, tried again: the same row, a new payment.
        const { count } = await tx.sandboxPayment.updateMany({ where: { id: existing.id, status: existing.status }, data });
        if (count === 0) throw new TossSandboxError("DUPLICATED_ORDER_ID");
        payment = await tx.sandboxPayment.findUniqueOrThrow({ where: { id: existing.id } });
      } else {
        payment = await tx.sandboxPayment.create({ data: { ...data, merchantId, orderId: input.orderId } });
      }
      const deliveryIds = await enqueueStatusWebhooks(tx, payment, now);
      const answer = errorCode ? errorResult(new TossSandboxError(errorCode)) : { status: 200, body: toPaymentObject(payment, env.appUrl) };
      return { payment, deliveryIds, answer, key: await answerInTransaction(tx, answer), holdMs: errorCode ? null : delayMs };
    });
  } catch (error) {
    // Two charges of one orderId at once (under different idempotency keys): the database let one through.
    if (isUniqueViolation(error)) throw new TossSandboxError("DUPLICATED_ORDER_ID");
    throw error;
  }

  if ("undecided" in outcome) throw new TossSandboxError(outcome.undecided);
  if (outcome.key) answerInFlightKey(outcome.key);
  sendSoon(outcome.deliveryIds);
  // The console's "timeout": approved (and its webhook on its way), the answer held, as a merchant whose
  // call timed out or who crashed meanwhile would never hear it. A retry under the key hears the answer.
  if (outcome.holdMs) await new Promise((resolve) => setTimeout(resolve, outcome.holdMs!));
  return outcome.answer;
}
