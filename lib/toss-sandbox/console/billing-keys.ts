// The console's billing keys (자동결제): the list, one key, and its switches — the next charge fails
// with a chosen Toss code, the card is reported lost or stolen or expired (every charge fails until
// cleared), or the key is removed. The console page's forms, its HTTP API and `npm run toss` share these.
import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { SandboxBillingKey } from "@/lib/generated/prisma/client";
import { toBillingObject } from "../billing/billing-object";
import { removeBillingKey } from "../billing/remove";
import { SandboxConsoleError } from "../console-error";
import { BILLING_CHARGE_FAILURE_CODES } from "../errors";
import { DEFAULT_CONFIRM_DELAY_MS, MAX_CONFIRM_DELAY_MS } from "../next-confirm";
import type { ActionResult } from "./actions";

export const BILLING_KEY_ACTIONS = ["next-charge", "card-state", "remove"] as const;
export type BillingKeyAction = (typeof BILLING_KEY_ACTIONS)[number];

export const CARD_STATES = ["NORMAL", "LOST_OR_STOLEN", "EXPIRED"] as const;

export const CARD_STATE_LABELS: Record<(typeof CARD_STATES)[number], string> = {
  NORMAL: "정상",
  LOST_OR_STOLEN: "분실·도난 신고",
  EXPIRED: "유효기간 만료",
};

export function listBillingKeys(filter: { merchantId?: string; q?: string; take?: number } = {}) {
  const where: Prisma.SandboxBillingKeyWhereInput = {
    ...(filter.merchantId ? { merchantId: filter.merchantId } : {}),
    ...(filter.q ? { OR: [{ billingKey: filter.q }, { customerKey: filter.q }] } : {}),
  };
  return db.sandboxBillingKey.findMany({ where, orderBy: { createdAt: "desc" }, take: filter.take ?? 50 });
}

/** A key as the console API returns it: Toss's Billing object and the sandbox's switches. */
export function billingKeyView(key: SandboxBillingKey) {
  return {
    id: key.id,
    merchantId: key.merchantId,
    billing: toBillingObject(key),
    cardState: key.cardState,
    nextChargeErrorCode: key.nextChargeErrorCode,
    nextChargeDelayMs: key.nextChargeDelayMs,
    deletedAt: key.deletedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}

/** A key by its billingKey (or its console id). */
export async function findBillingKeyByRef(ref: string, merchantId?: string): Promise<SandboxBillingKey> {
  const key = (await db.sandboxBillingKey.findUnique({ where: { billingKey: ref } })) ?? (await db.sandboxBillingKey.findUnique({ where: { id: ref } }));
  if (!key || (merchantId && key.merchantId !== merchantId)) throw SandboxConsoleError.notFound("빌링키");
  return key;
}

const nextChargeSchema = z.object({
  nextCharge: z.union([z.enum(BILLING_CHARGE_FAILURE_CODES), z.literal("none"), z.literal("timeout")]),
  /** "timeout": how long the approved charge's answer is held */
  delayMs: z.coerce.number().int().min(0).max(MAX_CONFIRM_DELAY_MS).optional(),
});
const cardStateSchema = z.object({ cardState: z.enum(CARD_STATES) });

export async function runBillingKeyAction(ref: string, action: BillingKeyAction, options: { merchantId?: string; body?: unknown } = {}): Promise<ActionResult> {
  const key = await findBillingKeyByRef(ref, options.merchantId);
  const short = `${key.billingKey.slice(0, 12)}…`;
  switch (action) {
    case "next-charge": {
      const input = nextChargeSchema.safeParse(options.body ?? {});
      if (!input.success) {
        throw new SandboxConsoleError("INVALID_REQUEST", `nextCharge는 none, timeout 또는 다음 중 하나입니다: ${BILLING_CHARGE_FAILURE_CODES.join(", ")}`, 400);
      }
      if (input.data.nextCharge === "timeout") {
        const delayMs = input.data.delayMs ?? DEFAULT_CONFIRM_DELAY_MS;
        const updated = await db.sandboxBillingKey.update({ where: { id: key.id }, data: { nextChargeErrorCode: null, nextChargeDelayMs: delayMs } });
        return { message: `빌링키 ${short}의 다음 결제는 승인된 뒤 ${delayMs}ms 동안 응답하지 않습니다.`, data: billingKeyView(updated) };
      }
      const code = input.data.nextCharge === "none" ? null : input.data.nextCharge;
      const updated = await db.sandboxBillingKey.update({ where: { id: key.id }, data: { nextChargeErrorCode: code, nextChargeDelayMs: null } });
      return { message: code ? `빌링키 ${short}의 다음 결제가 ${code}로 실패합니다.` : `빌링키 ${short}의 다음 결제를 정상으로 되돌렸습니다.`, data: billingKeyView(updated) };
    }
    case "card-state": {
      const input = cardStateSchema.safeParse(options.body ?? {});
      if (!input.success) throw new SandboxConsoleError("INVALID_REQUEST", `cardState는 ${CARD_STATES.join(", ")} 중 하나입니다.`, 400);
      const updated = await db.sandboxBillingKey.update({ where: { id: key.id }, data: { cardState: input.data.cardState } });
      return { message: `빌링키 ${short}의 카드 상태: ${CARD_STATE_LABELS[input.data.cardState]}`, data: billingKeyView(updated) };
    }
    case "remove": {
      if (!(await removeBillingKey(key))) throw new SandboxConsoleError("ALREADY_REMOVED", "이미 삭제된 빌링키입니다.");
      const removed = await db.sandboxBillingKey.findUniqueOrThrow({ where: { id: key.id } });
      return { message: `빌링키 ${short}를 삭제했습니다. 이 키로는 더 결제되지 않아요.`, data: billingKeyView(removed) };
    }
  }
}
