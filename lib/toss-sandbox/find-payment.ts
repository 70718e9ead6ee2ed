// Finds a sandbox payment by paymentKey or orderId, as the console and the CLI name payments.
import "server-only";
import { db } from "@/lib/db";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { SandboxConsoleError } from "./console-error";

export async function findPaymentByRef(ref: string, merchantId?: string): Promise<SandboxPayment> {
  const byKey = await db.sandboxPayment.findUnique({ where: { paymentKey: ref } });
  if (byKey && (!merchantId || byKey.merchantId === merchantId)) return byKey;
  const byOrder = await db.sandboxPayment.findMany({
    where: { orderId: ref, ...(merchantId ? { merchantId } : {}) },
    orderBy: { createdAt: "desc" },
    take: 2,
  });
  if (byOrder.length > 1) {
    throw new SandboxConsoleError("AMBIGUOUS", "여러 상점에 같은 주문번호가 있습니다. 상점(merchant)을 지정해주세요.", 409);
  }
  if (!byOrder[0]) throw SandboxConsoleError.notFound();
  return byOrder[0];
}
