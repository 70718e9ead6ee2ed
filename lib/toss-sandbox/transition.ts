// Every payment status change goes through here: a conditional update (the row must still be in one
// of the `from` statuses, plus any extra condition) and, in the same transaction, the webhooks the new
// status sends. 0 rows updated means someone else changed the payment first: the caller decides.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { SandboxPayment, SandboxPaymentStatus } from "@/lib/generated/prisma/client";
import { enqueueStatusWebhooks } from "./webhooks/enqueue";

export interface Transitioned {
  payment: SandboxPayment;
  deliveryIds: string[];
}

export async function transitionPayment(
  paymentId: string,
  from: SandboxPaymentStatus[],
  data: Prisma.SandboxPaymentUpdateManyMutationInput,
  options: { where?: Prisma.SandboxPaymentWhereInput; now?: Date; notify?: boolean } = {},
): Promise<Transitioned | null> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.sandboxPayment.updateMany({
      where: { ...options.where, id: paymentId, status: { in: from } },
      data,
    });
    if (count === 0) return null;
    const payment = await tx.sandboxPayment.findUniqueOrThrow({ where: { id: paymentId } });
    const deliveryIds = options.notify === false ? [] : await enqueueStatusWebhooks(tx, payment, now);
    return { payment, deliveryIds };
  });
}
