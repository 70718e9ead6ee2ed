// Per-merchant sandbox settings (webhook URL, retry time scale) and the one-shot "next confirm" flags
// the console sets. Rows are created on first change; absent fields fall back to the env defaults.
import "server-only";
import { env } from "@/lib/env";
import { db } from "@/lib/db";

export interface MerchantSettings {
  id: string;
  /** as configured for this merchant; null = the default */
  webhookUrl: string | null;
  /** where webhooks go now (the secret bypass parameter, if any, is not shown) */
  effectiveWebhookUrl: string;
  timeScale: number;
  nextConfirmErrorCode: string | null;
  nextConfirmDelayMs: number | null;
}

export function defaultWebhookUrl(): string {
  return env.sandbox.webhookUrl ?? `${env.appUrl}/api/webhooks/toss`;
}

export async function getMerchantSettings(merchantId: string): Promise<MerchantSettings> {
  const row = await db.sandboxMerchant.findUnique({ where: { id: merchantId } });
  return {
    id: merchantId,
    webhookUrl: row?.webhookUrl ?? null,
    effectiveWebhookUrl: row?.webhookUrl ?? defaultWebhookUrl(),
    timeScale: row?.timeScale ?? env.sandbox.timeScale,
    nextConfirmErrorCode: row?.nextConfirmErrorCode ?? null,
    nextConfirmDelayMs: row?.nextConfirmDelayMs ?? null,
  };
}

export interface MerchantSettingsPatch {
  /** null resets to the default */
  webhookUrl?: string | null;
  timeScale?: number | null;
  nextConfirmErrorCode?: string | null;
  nextConfirmDelayMs?: number | null;
}

export async function updateMerchantSettings(merchantId: string, patch: MerchantSettingsPatch) {
  await db.sandboxMerchant.upsert({
    where: { id: merchantId },
    create: { id: merchantId, ...patch },
    update: patch,
  });
  return getMerchantSettings(merchantId);
}

/** Merchants seen so far (payments or settings), for the console's merchant picker. */
export async function knownMerchantIds(): Promise<string[]> {
  const [fromPayments, fromSettings] = await Promise.all([
    db.sandboxPayment.findMany({ distinct: ["merchantId"], select: { merchantId: true }, take: 200, orderBy: { merchantId: "asc" } }),
    db.sandboxMerchant.findMany({ select: { id: true }, take: 200 }),
  ]);
  const ids = new Set(["docs", "app", ...fromPayments.map((p) => p.merchantId), ...fromSettings.map((m) => m.id)]);
  return [...ids];
}
