// GET /sandbox/toss/console/api/payments/{orderId|paymentKey}?merchant= — one payment and its webhooks.
import { env } from "@/lib/env";
import { handleConsoleAction } from "@/lib/toss-sandbox/console/http";
import { deliveryView, listDeliveries } from "@/lib/toss-sandbox/console/queries";
import { findPaymentByRef } from "@/lib/toss-sandbox/find-payment";
import { toPaymentObject } from "@/lib/toss-sandbox/payment-object";

export async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const merchantId = new URL(request.url).searchParams.get("merchant") ?? undefined;
  return handleConsoleAction(request, async () => {
    const payment = await findPaymentByRef(ref, merchantId);
    const deliveries = await listDeliveries({ paymentId: payment.id, take: 200 });
    return {
      message: "",
      data: {
        id: payment.id,
        merchantId: payment.merchantId,
        payment: toPaymentObject(payment, env.appUrl),
        deliveries: deliveries.map(deliveryView),
      },
    };
  });
}
