// GET /api/admin/orders/{orderId}: operators only (404 for everyone else): the order, its events, webhooks and the buyer's credits.
import { adminErrors } from "@/lib/admin/errors";
import { getOrderDetail } from "@/lib/admin/get-order-detail";
import { requireApiOperator } from "@/lib/admin/operator";
import { errorResponse } from "@/lib/errors";
import { orderIdSchema } from "@/lib/payments/schemas";
import { jsonResponse } from "@/lib/json-response";

export async function GET(_request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  try {
    await requireApiOperator();
    const orderId = orderIdSchema.safeParse((await params).orderId);
    if (!orderId.success) throw adminErrors.orderNotFound();
    return jsonResponse(await getOrderDetail(orderId.data));
  } catch (error) {
    return errorResponse(error, "GET /api/admin/orders/[orderId]");
  }
}
