// POST /api/orders/{orderId}/refund {refundReceiveAccount?}: refunds a paid pack whose credits are unspent.
import { errorResponse } from "@/lib/errors";
import { readJson, requireApiUser } from "@/lib/http";
import { paymentErrors } from "@/lib/payments/errors";
import { toOrderView } from "@/lib/payments/order-view";
import { refundOrder } from "@/lib/payments/refund-order";
import { orderIdSchema, refundSchema } from "@/lib/payments/schemas";
import { jsonResponse } from "@/lib/json-response";

export async function POST(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  try {
    const user = await requireApiUser();
    const orderId = orderIdSchema.safeParse((await params).orderId);
    if (!orderId.success) throw paymentErrors.orderNotFound();
    const input = await readJson(request, refundSchema, { allowEmpty: true });
    const outcome = await refundOrder(user.id, orderId.data, input.refundReceiveAccount);
    if (outcome.kind === "processing") return jsonResponse({ status: "PROCESSING" }, { status: 202 });
    return jsonResponse({ order: toOrderView(outcome.result.order) });
  } catch (error) {
    return errorResponse(error, "POST /api/orders/[orderId]/refund");
  }
}
