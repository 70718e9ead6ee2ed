// POST /v1/payments/{paymentKey}/cancel: a full (no cancelAmount) or partial cancel.
// As Toss: a deposited virtual account needs refundReceiveAccount; a virtual account waiting for its
// deposit can only be canceled in full (NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT); more than the
// balance → NOT_CANCELABLE_AMOUNT; canceled already → ALREADY_CANCELED_PAYMENT; not approved →
// NOT_CANCELABLE_PAYMENT. The balance is compare-and-set: of two cancels racing on one payment, the
// second is refused with FORBIDDEN_CONSECUTIVE_REQUEST and nothing is refunded twice.
import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { bankCodeOf } from "./banks";
import { TossSandboxError } from "./errors";
import { expireIfStale } from "./expire";
import type { ApiResult } from "./http";
import { newTransactionKey } from "./ids";
import type { KeyFamily } from "./keys";
import { cancelsOf, toPaymentObject, type TossCancel } from "./payment-object";
import { toKstIso } from "./time";
import { transitionPayment } from "./transition";
import { sendSoon } from "./webhooks/send-soon";

export const cancelBodySchema = z.object({
  cancelReason: z.string().trim().min(1).max(200),
  cancelAmount: z.number().int().positive().optional(),
  taxFreeAmount: z.number().int().nonnegative().optional(),
  refundReceiveAccount: z
    .object({ bank: z.string().min(1), accountNumber: z.string().min(1), holderName: z.string().min(1).max(60) })
    .optional(),
});
export type CancelInput = z.infer<typeof cancelBodySchema>;

/** POST /v1/payments/{paymentKey}/cancel: the merchant's own payment, of the key family asking (as get-payment.ts). */
export async function cancelPaymentApi(merchantId: string, keyFamily: KeyFamily, paymentKey: string, body: unknown): Promise<ApiResult> {
  const input = cancelBodySchema.safeParse(body);
  if (!input.success) throw new TossSandboxError("INVALID_REQUEST");
  const found = await db.sandboxPayment.findUnique({ where: { paymentKey } });
  if (!found || found.merchantId !== merchantId || found.keyFamily !== keyFamily) throw new TossSandboxError("NOT_FOUND_PAYMENT");
  const canceled = await cancelPayment(found, input.data);
  return { status: 200, body: toPaymentObject(canceled, env.appUrl) };
}

/** Cancels (all or part of) a payment; shared by the API and the console's merchant-side cancel. */
export async function cancelPayment(found: SandboxPayment, input: CancelInput): Promise<SandboxPayment> {
  const payment = await expireIfStale(found);
  if (payment.status === "CANCELED") throw new TossSandboxError("ALREADY_CANCELED_PAYMENT");
  if (!["DONE", "PARTIAL_CANCELED", "WAITING_FOR_DEPOSIT"].includes(payment.status)) {
    throw new TossSandboxError("NOT_CANCELABLE_PAYMENT");
  }
  const amount = input.cancelAmount ?? payment.balanceAmount;
  if (amount > payment.balanceAmount) throw new TossSandboxError("NOT_CANCELABLE_AMOUNT");
  const waitingForDeposit = payment.status === "WAITING_FOR_DEPOSIT";
  if (waitingForDeposit && amount !== payment.balanceAmount) {
    throw new TossSandboxError("NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT");
  }
  if ((input.taxFreeAmount ?? 0) > amount) throw new TossSandboxError("INVALID_REQUEST");

  const data: Prisma.SandboxPaymentUpdateManyMutationInput = {};
  const depositedAccount = payment.method === "가상계좌" && !waitingForDeposit;
  if (depositedAccount) {
    const account = input.refundReceiveAccount;
    if (!account) throw new TossSandboxError("INVALID_REQUEST", "가상계좌 결제를 환불하려면 refundReceiveAccount가 필요합니다.");
    const bankCode = bankCodeOf(account.bank);
    if (!bankCode) throw new TossSandboxError("INVALID_BANK");
    if (!/^\d{1,20}$/.test(account.accountNumber)) throw new TossSandboxError("INVALID_REFUND_ACCOUNT_NUMBER");
    data.refundReceiveAccount = { bankCode, accountNumber: account.accountNumber, holderName: account.holderName };
    data.refundStatus = "COMPLETED";
  }

  const now = new Date();
  const transactionKey = newTransactionKey();
  const balanceAmount = payment.balanceAmount - amount;
  const entry: TossCancel = {
    transactionKey,
    cancelReason: input.cancelReason,
    taxExemptionAmount: 0,
    canceledAt: toKstIso(now),
    transferDiscountAmount: 0,
    easyPayDiscountAmount: 0,
    receiptKey: null,
    cancelAmount: amount,
    taxFreeAmount: input.taxFreeAmount ?? 0,
    refundableAmount: balanceAmount,
    cancelStatus: "DONE",
    cancelRequestId: null,
  };
  const done = await transitionPayment(
    payment.id,
    [payment.status],
    {
      ...data,
      status: balanceAmount === 0 ? "CANCELED" : "PARTIAL_CANCELED",
      balanceAmount,
      lastTransactionKey: transactionKey,
      cancels: [...cancelsOf(payment), entry] as unknown as Prisma.InputJsonValue,
    },
    {
      where: { balanceAmount: payment.balanceAmount },
      now,
      current: payment,
      sendingNow: true,
      // Through the API with an Idempotency-Key, the answer is stored in the same statement (3 round trips).
      answer: (canceled) => ({ status: 200, body: toPaymentObject(canceled, env.appUrl) }),
    },
  );
  if (!done) throw new TossSandboxError("FORBIDDEN_CONSECUTIVE_REQUEST");
  sendSoon(done.deliveryIds);
  return done.payment;
}
