// POST /v1/payments/confirm: approves an authenticated payment (IN_PROGRESS). A card or easy-pay
// payment becomes DONE; a virtual account is issued (WAITING_FOR_DEPOSIT, with its secret).
// Refused as Toss refuses: another merchant's or an unknown paymentKey or orderId → NOT_FOUND_PAYMENT;
// the 10-minute window closed → NOT_FOUND_PAYMENT_SESSION; already approved → ALREADY_PROCESSED_PAYMENT;
// an amount other than the authenticated one → INVALID_REQUEST; a payment opened with the other key
// family's client key (a 결제창 payment confirmed with a widget secret, or the reverse) → NOT_FOUND_PAYMENT:
// each family confirms only its own payments (TOSS.md "SDK v2"; the code Toss answers is unconfirmed).
// The console can make the next confirm fail with a chosen code, or hold its answer past the app's
// timeout after approving (Toss approved; the merchant never heard).
import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { isTossErrorCode, leavesPaymentUndecided, TOSS_ERRORS, TossSandboxError } from "./errors";
import { expireIfStale } from "./expire";
import { claimMade, pendingClaim } from "./idempotency";
import type { ApiResult } from "./http";
import type { KeyFamily } from "./keys";
import { newApproveNo, newDepositSecret, newMaskedCardNumber, newTransactionKey, newVirtualAccountNumber } from "./ids";
import { findPaymentTakingConfirmFlags } from "./next-confirm";
import { toPaymentObject } from "./payment-object";
import { transitionPayment } from "./transition";
import { CONFIRM_WINDOW_MS, VIRTUAL_ACCOUNT_DUE_MS } from "./windows";
import { deliverAll } from "./webhooks/deliver-all";
import { sendSoon } from "./webhooks/send-soon";

const amountSchema = z.union([
  z.number().int().positive(),
  z.string().regex(/^\d{1,12}$/).transform(Number),
]);

export const confirmBodySchema = z.object({
  paymentKey: z.string().min(1).max(200),
  orderId: z.string().min(1).max(64),
  amount: amountSchema,
});

/** The sandbox's hint on Toss's NOT_FOUND_PAYMENT, naming the secret key the payment needs. */
function keyFamilyMismatch(openedWith: string): string {
  const needed = openedWith === "API_INDIVIDUAL" ? "API 개별 연동 키의 시크릿 키(test_sk_)" : "결제위젯 연동 키의 시크릿 키(test_gsk_)";
  return `${TOSS_ERRORS.NOT_FOUND_PAYMENT.message} (샌드박스: 이 결제는 다른 연동 키로 열렸어요. ${needed}로 승인하세요.)`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function confirmPayment(merchantId: string, body: unknown, keyFamily: KeyFamily): Promise<ApiResult> {
  const input = confirmBodySchema.safeParse(body);
  if (!input.success) throw new TossSandboxError("INVALID_REQUEST");
  const { paymentKey, orderId, amount } = input.data;

  // One statement reads the payment and, when it can be confirmed now, takes this confirm's flags.
  const now = new Date();
  // With an Idempotency-Key, the same statement claims it (api-route.ts: claimInWork).
  const claim = pendingClaim();
  const { payment: found, flags, claimed } = await findPaymentTakingConfirmFlags(
    { merchantId, paymentKey, orderId, amount },
    new Date(now.getTime() - CONFIRM_WINDOW_MS),
    claim,
  );
  if (claim) claimMade(claim, claimed);
  if (!found || found.merchantId !== merchantId || found.orderId !== orderId) throw new TossSandboxError("NOT_FOUND_PAYMENT");
  if (found.keyFamily !== keyFamily) throw new TossSandboxError("NOT_FOUND_PAYMENT", keyFamilyMismatch(found.keyFamily));
  const payment = await expireIfStale(found, now);

  if (payment.status === "READY" || payment.status === "EXPIRED") throw new TossSandboxError("NOT_FOUND_PAYMENT_SESSION");
  if (payment.status !== "IN_PROGRESS") throw new TossSandboxError("ALREADY_PROCESSED_PAYMENT");
  if (amount !== payment.totalAmount) throw new TossSandboxError("INVALID_REQUEST");

  if (flags.errorCode && isTossErrorCode(flags.errorCode)) {
    const code = flags.errorCode;
    if (!leavesPaymentUndecided(code)) {
      const aborted = await transitionPayment(payment.id, ["IN_PROGRESS"], {
        status: "ABORTED",
        failureCode: code,
        failureMessage: TOSS_ERRORS[code].message,
        lastTransactionKey: newTransactionKey(),
      });
      if (aborted) sendSoon(aborted.deliveryIds);
    }
    throw new TossSandboxError(code);
  }

  const virtualAccount = payment.method === "가상계좌";
  const approved = await transitionPayment(
    payment.id,
    ["IN_PROGRESS"],
    virtualAccount
      ? {
          status: "WAITING_FOR_DEPOSIT",
          lastTransactionKey: newTransactionKey(),
          secret: newDepositSecret(),
          accountNumber: newVirtualAccountNumber(),
          dueDate: new Date(now.getTime() + VIRTUAL_ACCOUNT_DUE_MS),
        }
      : {
          status: "DONE",
          approvedAt: now,
          lastTransactionKey: newTransactionKey(),
          ...(payment.method === "카드" ? { cardNumber: newMaskedCardNumber(), approveNo: newApproveNo() } : {}),
        },
    // One statement: the change, its webhook deliveries and this answer stored on the idempotency key.
    // A held answer is stored too, held back until it is given: a repeat meanwhile hears 409
    // IDEMPOTENT_REQUEST_PROCESSING, and if this instance dies while holding it, a repeat after the hold
    // hears the approval (Toss approved, whatever happened to our server).
    {
      now,
      current: payment,
      sendingNow: true,
      answer: (approved) => ({ status: 200, body: toPaymentObject(approved, env.appUrl) }),
      answerHeldUntil: flags.delayMs ? new Date(now.getTime() + flags.delayMs) : undefined,
    },
  );
  // Someone else confirmed (or expired) it between our read and our update.
  if (!approved) throw new TossSandboxError("ALREADY_PROCESSED_PAYMENT");

  const result = { status: 200, body: toPaymentObject(approved.payment, env.appUrl) };
  if (flags.delayMs) {
    // The realistic "outcome unknown": Toss approved and its webhooks go out, but the answer arrives
    // after the merchant gave up waiting.
    await Promise.all([sleep(flags.delayMs), deliverAll(approved.deliveryIds)]);
  } else {
    sendSoon(approved.deliveryIds);
  }
  return result;
}
