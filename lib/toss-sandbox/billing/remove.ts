// Removing a billing key: DELETE /v1/billing/{billingKey} (Toss's API reference, "빌링키 삭제": an empty
// 200, or an error object) and the console's 삭제. From then on charges of the key are refused with
// INVALID_BILL_KEY_REQUEST, and removing it again too. Payments already made with it are untouched.
import "server-only";
import { db } from "@/lib/db";
import type { SandboxBillingKey } from "@/lib/generated/prisma/client";
import { TossSandboxError } from "../errors";
import type { ApiResult } from "../http";
import type { KeyFamily } from "../keys";
import { findUsableBillingKey } from "./find-billing-key";
import { withHint } from "./hints";

/** Marks the key removed; false when it already was (someone else got there first). */
export async function removeBillingKey(key: Pick<SandboxBillingKey, "id">, now = new Date()): Promise<boolean> {
  const { count } = await db.sandboxBillingKey.updateMany({ where: { id: key.id, deletedAt: null }, data: { deletedAt: now } });
  return count === 1;
}

export async function deleteBillingKeyApi(merchantId: string, keyFamily: KeyFamily, billingKey: string): Promise<ApiResult> {
  const key = await findUsableBillingKey(merchantId, keyFamily, billingKey);
  if (!(await removeBillingKey(key))) throw new TossSandboxError("INVALID_BILL_KEY_REQUEST", withHint("INVALID_BILL_KEY_REQUEST", "삭제된 빌링키예요."));
  return { status: 200, body: undefined };
}
