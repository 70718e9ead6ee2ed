// The console's actions by name: one entry point for the console page's forms, its HTTP API and the
// CLI (npm run toss). Each returns what it did, for a JSON answer or a notice on the page.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { cancelPayment } from "../cancel";
import { SandboxConsoleError } from "../console-error";
import { depositVirtualAccount } from "../deposit";
import { TossSandboxError } from "../errors";
import { expirePayment } from "../expire";
import { findPaymentByRef } from "../find-payment";
import { getMerchantSettings, updateMerchantSettings } from "../merchants";
import { flagsFrom, nextConfirmSchema, setPaymentNextConfirm } from "../next-confirm";
import { MERCHANT_ID_PATTERN } from "../keys";
import { toPaymentObject } from "../payment-object";
import { runDueDeliveries } from "../webhooks/run-due";
import { deliveryView } from "./queries";
import { duplicateDelivery, latestDeliveryOf, resendDelivery, sendOutOfOrder } from "./deliveries";
import { checkWebhookUrl } from "../webhooks/target";

export const PAYMENT_ACTIONS = ["deposit", "expire", "cancel", "duplicate", "out-of-order", "next-confirm", "webhook-url"] as const;
export type PaymentAction = (typeof PAYMENT_ACTIONS)[number];
export const DELIVERY_ACTIONS = ["resend", "duplicate"] as const;
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number];

export interface ActionResult {
  message: string;
  data: unknown;
}

const cancelOptions = z.object({
  cancelReason: z.string().trim().min(1).max(200).default("콘솔에서 상점 취소"),
  cancelAmount: z.coerce.number().int().positive().optional(),
});

/** A deposited virtual account is refunded to an account; the console uses a made-up one. */
const CONSOLE_REFUND_ACCOUNT = { bank: "88", accountNumber: "11012345678901", holderName: "샌드박스" };

export async function runPaymentAction(ref: string, action: PaymentAction, options: { merchantId?: string; body?: unknown } = {}): Promise<ActionResult> {
  const payment = await findPaymentByRef(ref, options.merchantId);
  const show = (p: Parameters<typeof toPaymentObject>[0]) => toPaymentObject(p, env.appUrl);
  switch (action) {
    case "deposit":
      return { message: `입금 처리했습니다: ${payment.orderId}`, data: show(await depositVirtualAccount(payment)) };
    case "expire":
      return { message: `만료 처리했습니다: ${payment.orderId}`, data: show(await expirePayment(payment)) };
    case "cancel": {
      const input = cancelOptions.safeParse(options.body ?? {});
      if (!input.success) throw new SandboxConsoleError("INVALID_REQUEST", "취소 금액이나 사유가 올바르지 않습니다.", 400);
      try {
        const canceled = await cancelPayment(payment, {
          ...input.data,
          refundReceiveAccount: payment.method === "가상계좌" && payment.status !== "WAITING_FOR_DEPOSIT" ? CONSOLE_REFUND_ACCOUNT : undefined,
        });
        return { message: `상점 취소했습니다: ${payment.orderId}`, data: show(canceled) };
      } catch (error) {
        if (error instanceof TossSandboxError) throw new SandboxConsoleError(error.code, error.message);
        throw error;
      }
    }
    case "duplicate": {
      const copy = await duplicateDelivery((await latestDeliveryOf(payment)).id);
      return { message: `웹훅을 한 번 더 보냈습니다 (같은 transmission id): ${payment.orderId}`, data: deliveryView(copy) };
    }
    case "next-confirm": {
      const updated = await setPaymentNextConfirm(payment, options.body);
      return { message: `이 결제의 다음 승인을 설정했습니다: ${payment.orderId}`, data: { ...show(updated), sandbox: flagsOf(updated) } };
    }
    case "webhook-url": {
      const updated = await setPaymentWebhookUrl(payment.id, options.body);
      const shown = updated.webhookUrl ?? "상점 설정";
      return { message: `이 결제의 웹훅 주소를 바꿨습니다 (${shown}): ${payment.orderId}`, data: { ...show(updated), sandbox: { webhookUrl: updated.webhookUrl } } };
    }
    case "out-of-order": {
      const sent = await sendOutOfOrder(payment);
      return { message: `웹훅 두 개를 순서를 뒤바꿔 보냈습니다: ${payment.orderId}`, data: sent.map(deliveryView) };
    }
  }
}

export async function runDeliveryAction(id: string, action: DeliveryAction): Promise<ActionResult> {
  const delivery = action === "resend" ? await resendDelivery(id) : await duplicateDelivery(id);
  const verb = action === "resend" ? "다시 보냈습니다" : "중복으로 보냈습니다";
  return { message: `웹훅을 ${verb}: ${delivery.eventType} (응답 ${delivery.lastResponseStatus ?? "없음"})`, data: deliveryView(delivery) };
}

export async function runDueAction(): Promise<ActionResult> {
  const run = await runDueDeliveries({ limit: 50 });
  return { message: `재시도 대기 중이던 웹훅 ${run.sent}건을 보냈습니다 (성공 ${run.delivered}, 재시도 예정 ${run.retrying}, 실패 ${run.failed}).`, data: run };
}

const flagsOf = (p: { nextConfirmErrorCode: string | null; nextConfirmDelayMs: number | null }) => ({
  nextConfirmErrorCode: p.nextConfirmErrorCode,
  nextConfirmDelayMs: p.nextConfirmDelayMs,
});

const settingsSchema = nextConfirmSchema.partial().extend({
  webhookUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal(""), z.null()]).optional(),
  timeScale: z.union([z.coerce.number().gt(0).lte(1), z.literal(""), z.null()]).optional(),
});

const paymentWebhookSchema = z.object({ webhookUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal(""), z.null()]) });

/**
 * One payment's webhooks go to `webhookUrl` instead of its merchant's ("" or null: the merchant's
 * again), from the next send on, retries included: a tester (or a test) can keep one payment's events
 * from reaching the shop without touching the merchant that others share.
 */
async function setPaymentWebhookUrl(paymentId: string, body: unknown) {
  const input = paymentWebhookSchema.safeParse(body ?? {});
  if (!input.success) throw new SandboxConsoleError("INVALID_REQUEST", "webhookUrl은 http(s) 주소이거나 빈 값(상점 설정)입니다.", 400);
  const webhookUrl = input.data.webhookUrl || null;
  if (webhookUrl) {
    const target = await checkWebhookUrl(webhookUrl);
    if (!target.ok) throw new SandboxConsoleError(target.code, target.message, 400);
  }
  return db.sandboxPayment.update({ where: { id: paymentId }, data: { webhookUrl } });
}

export function checkMerchantId(merchantId: string): string {
  if (!MERCHANT_ID_PATTERN.test(merchantId)) {
    throw new SandboxConsoleError("INVALID_MERCHANT", "상점은 docs, app 또는 sbx_<id> 입니다.", 400);
  }
  return merchantId;
}

/**
 * Changes a merchant's settings. `nextConfirm`: a Toss error code for the next confirm to fail with,
 * "timeout" to hold its answer (delayMs, default 15 s: past the app's 10 s timeout), or "none".
 */
export async function updateMerchantAction(merchantId: string, body: unknown): Promise<ActionResult> {
  checkMerchantId(merchantId);
  const input = settingsSchema.safeParse(body ?? {});
  if (!input.success) throw new SandboxConsoleError("INVALID_REQUEST", "설정 값이 올바르지 않습니다.", 400);
  const { webhookUrl, timeScale, nextConfirm, delayMs } = input.data;
  if (webhookUrl) {
    const target = await checkWebhookUrl(webhookUrl);
    if (!target.ok) throw new SandboxConsoleError(target.code, target.message, 400);
  }
  const settings = await updateMerchantSettings(merchantId, {
    ...(webhookUrl !== undefined ? { webhookUrl: webhookUrl || null } : {}),
    ...(timeScale !== undefined ? { timeScale: timeScale === "" ? null : timeScale } : {}),
    ...(nextConfirm ? flagsFrom({ nextConfirm, delayMs }) : {}),
  });
  return { message: `상점 ${merchantId} 설정을 바꿨습니다.`, data: settings };
}

export async function merchantSettingsAction(merchantId: string): Promise<ActionResult> {
  return { message: "", data: await getMerchantSettings(checkMerchantId(merchantId)) };
}
