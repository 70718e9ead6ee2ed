import "server-only";
import { hasCurrentConsent } from "@/lib/auth/consent";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newOrderId } from "@/lib/ids";
import { limitOrderCreation } from "@/lib/rate-limit/limit-order-creation";
import { paymentErrors } from "./errors";
import { recordPaymentEvent } from "./record-event";

/** Everything the browser needs to open Toss's payment window for an order; nothing secret. */
export interface PaymentSession {
  orderId: string;
  orderName: string;
  amount: number;
  credits: number;
  productCode: string;
  customerKey: string;
  customerEmail: string | null;
  customerName: string | null;
  successUrl: string;
  failUrl: string;
}

/**
 * Creates a PENDING order for a product (createPaymentSession and POST /api/orders are this one
 * function behind two doors). Price and credits come from the catalog in the database, never from the
 * browser. With `resumeOrderId`, the user's own still-open order for the same product is reused, so
 * that "다시 시도" after a failure pays the same order. `origin` is the vetted origin the buyer is on
 * (lib/request-origin.ts): Toss sends them back there, where their session is.
 */
export async function createOrder(
  userId: string,
  productCode: string,
  { resumeOrderId, origin = env.appUrl }: { resumeOrderId?: string; origin?: string } = {},
): Promise<PaymentSession> {
  const [product, user] = await Promise.all([
    db.product.findUnique({ where: { code: productCode } }),
    db.user.findUnique({ where: { id: userId }, select: { customerKey: true, email: true, name: true, termsVersion: true, privacyVersion: true } }),
  ]);
  if (!user) throw paymentErrors.unauthenticated();
  if (!hasCurrentConsent(user)) throw paymentErrors.consentRequired();
  if (!product || !product.active) throw paymentErrors.productNotFound();

  let order = resumeOrderId
    ? await db.order.findFirst({
        where: { orderId: resumeOrderId, userId, productCode, kind: "CHECKOUT", status: "PENDING", confirmAttemptedAt: null },
      })
    : null;
  if (!order) {
    await limitOrderCreation(userId);
    order = await db.$transaction(async (tx) => {
      const created = await tx.order.create({
        data: {
          orderId: newOrderId(),
          userId,
          productCode: product.code,
          orderName: product.name,
          amount: product.price,
          credits: product.credits,
        },
      });
      await recordPaymentEvent(tx, {
        orderDbId: created.id,
        orderId: created.orderId,
        type: "ORDER_CREATED",
        status: created.status,
        payload: { productCode: product.code, amount: created.amount, credits: created.credits },
      });
      return created;
    });
  }

  return {
    orderId: order.orderId,
    orderName: order.orderName,
    amount: order.amount,
    credits: order.credits,
    productCode: order.productCode,
    customerKey: user.customerKey,
    customerEmail: user.email,
    customerName: user.name,
    successUrl: `${origin}/checkout/success`,
    failUrl: `${origin}/checkout/fail`,
  };
}
