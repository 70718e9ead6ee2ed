// POST /v1/billing/authorizations/issue {authKey, customerKey}: exchanges the one-time authKey the
// registration window handed to successUrl for a billing key; answers the Billing object.
// Refused as Toss refuses, with the codes of Toss's table (docs "에러 코드"; which code Toss answers in
// each case is not spelled out there, so these are the sandbox's reading, with a hint in the message):
// an unknown, used or lapsed authKey, another merchant's, or one asked for with the widget pair's secret
// → 404 NOT_FOUND_BILLING; a customerKey other than the one the window was opened with → 400
// NOT_MATCHES_CUSTOMER_KEY (the authKey stays usable); a malformed customerKey → 400 INVALID_CUSTOMER_KEY.
// The authKey is used up in the same transaction that creates the key (and stores the idempotent answer).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { TossSandboxError } from "../errors";
import type { ApiResult } from "../http";
import { answerInFlightKey, answerInTransaction } from "../idempotency";
import { newBillingKey } from "../ids";
import type { KeyFamily } from "../keys";
import { toBillingObject } from "./billing-object";
import { checkBillingCustomerKey } from "./customer-key";
import { WIDGET_SECRET_HINT, withHint } from "./hints";
import { AUTH_KEY_VALID_MS, authKeyExpired } from "./windows";

const issueBodySchema = z.object({
  authKey: z.string().min(1).max(300),
  customerKey: z.string(),
});

export async function issueBillingKey(merchantId: string, keyFamily: KeyFamily, body: unknown): Promise<ApiResult> {
  const input = issueBodySchema.safeParse(body);
  if (!input.success) throw new TossSandboxError("INVALID_REQUEST");
  const { authKey, customerKey } = input.data;
  checkBillingCustomerKey(customerKey);

  const auth = await db.sandboxBillingAuth.findUnique({ where: { authKey } });
  if (!auth || auth.merchantId !== merchantId) throw new TossSandboxError("NOT_FOUND_BILLING");
  if (keyFamily !== "API_INDIVIDUAL") throw new TossSandboxError("NOT_FOUND_BILLING", withHint("NOT_FOUND_BILLING", WIDGET_SECRET_HINT));
  if (auth.status === "ISSUED") throw new TossSandboxError("NOT_FOUND_BILLING", withHint("NOT_FOUND_BILLING", "이 authKey는 이미 빌링키 발급에 쓰였어요. authKey는 한 번만 쓸 수 있어요."));
  const now = new Date();
  if (auth.status !== "AUTHENTICATED" || authKeyExpired(auth, now)) {
    throw new TossSandboxError("NOT_FOUND_BILLING", withHint("NOT_FOUND_BILLING", `authKey의 유효 시간(${AUTH_KEY_VALID_MS / 60_000}분)이 지났어요. 카드를 다시 등록해주세요.`));
  }
  if (auth.customerKey !== customerKey) throw new TossSandboxError("NOT_MATCHES_CUSTOMER_KEY");

  try {
    const { billing, key } = await db.$transaction(async (tx) => {
      const used = await tx.sandboxBillingAuth.updateMany({
        where: { id: auth.id, status: "AUTHENTICATED", authenticatedAt: { gt: new Date(now.getTime() - AUTH_KEY_VALID_MS) } },
        data: { status: "ISSUED", issuedAt: now },
      });
      // Exchanged by another request between our read and this update.
      if (used.count === 0) throw new TossSandboxError("NOT_FOUND_BILLING", withHint("NOT_FOUND_BILLING", "이 authKey는 이미 빌링키 발급에 쓰였어요."));
      const created = await tx.sandboxBillingKey.create({
        data: {
          merchantId,
          billingKey: newBillingKey(),
          customerKey,
          authId: auth.id,
          // 등록 set both, with the authKey.
          cardIssuerCode: auth.cardIssuerCode!,
          cardNumber: auth.cardNumber,
          cardType: auth.cardType,
          ownerType: auth.ownerType,
          authenticatedAt: auth.authenticatedAt!,
        },
      });
      const result = { status: 200, body: toBillingObject(created) };
      return { billing: result, key: await answerInTransaction(tx, result) };
    });
    if (key) answerInFlightKey(key);
    return billing;
  } catch (error) {
    if (isUniqueViolation(error, "authId")) throw new TossSandboxError("NOT_FOUND_BILLING");
    throw error;
  }
}
