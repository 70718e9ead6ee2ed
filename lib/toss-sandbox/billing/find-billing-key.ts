// The billing key a merchant names in /v1/billing/{billingKey}. A key of another merchant, a removed
// one, or one asked for with the widget pair's secret key is, to the caller, not a billing key:
// 400 INVALID_BILL_KEY_REQUEST (Toss's "빌링키 인증이 완료되지 않았거나 유효하지 않은 빌링 거래 건입니다").
import "server-only";
import { db } from "@/lib/db";
import type { SandboxBillingKey } from "@/lib/generated/prisma/client";
import { TossSandboxError } from "../errors";
import type { KeyFamily } from "../keys";
import { WIDGET_SECRET_HINT, withHint } from "./hints";

export async function findUsableBillingKey(merchantId: string, keyFamily: KeyFamily, billingKey: string): Promise<SandboxBillingKey> {
  const key = billingKey.length <= 200 ? await db.sandboxBillingKey.findUnique({ where: { billingKey } }) : null;
  if (!key || key.merchantId !== merchantId) throw new TossSandboxError("INVALID_BILL_KEY_REQUEST");
  if (keyFamily !== "API_INDIVIDUAL") throw new TossSandboxError("INVALID_BILL_KEY_REQUEST", withHint("INVALID_BILL_KEY_REQUEST", WIDGET_SECRET_HINT));
  if (key.deletedAt) throw new TossSandboxError("INVALID_BILL_KEY_REQUEST", withHint("INVALID_BILL_KEY_REQUEST", "삭제된 빌링키예요."));
  return key;
}
