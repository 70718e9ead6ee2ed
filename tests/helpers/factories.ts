// Test data: every test makes its own, with random identifiers, so tests run in any order.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { newCustomerKey, newOrderId } from "@/lib/ids";
import { CURRENT_PRIVACY, CURRENT_TERMS } from "@/lib/legal/documents";

export function uniqueEmail(prefix = "buyer"): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@example.com`;
}

/** The columns of a user who agreed to the terms and privacy policy in force (as sign-up records it). */
export function agreedToCurrentTerms() {
  return { termsVersion: CURRENT_TERMS.version, privacyVersion: CURRENT_PRIVACY.version, consentedAt: new Date() };
}

/** A buyer as sign-up makes one (agreed to the current terms); `consented: false` for one who has not. */
export async function createUser(email = uniqueEmail(), { consented = true } = {}) {
  return db.user.create({ data: { email, customerKey: newCustomerKey(), ...(consented ? agreedToCurrentTerms() : {}) } });
}

export async function createOrder(userId: string, productCode = "PRO_PACK") {
  const product = await db.product.findUniqueOrThrow({ where: { code: productCode } });
  return db.order.create({
    data: {
      orderId: newOrderId(),
      userId,
      productCode,
      orderName: product.name,
      amount: product.price,
      credits: product.credits,
    },
  });
}
