// Test data: every test makes its own, with random identifiers, so tests run in any order.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { newCustomerKey, newOrderId } from "@/lib/ids";

export function uniqueEmail(prefix = "buyer"): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@example.com`;
}

export async function createUser(email = uniqueEmail()) {
  return db.user.create({ data: { email, customerKey: newCustomerKey() } });
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
