// GET /api/orders/{orderId}: the owner's view of one order (the success page polls it while waiting).
import { errorResponse } from "@/lib/errors";
import { requireApiUser } from "@/lib/http";
import { getOrder } from "@/lib/payments/get-orders";
import { orderIdSchema } from "@/lib/payments/schemas";
import { paymentErrors } from "@/lib/payments/errors";
import { jsonResponse } from "@/lib/json-response";

export async function GET(_request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  try {
    const user = await requireApiUser();
    const orderId = orderIdSchema.safeParse((await params).orderId);
    if (!orderId.success) throw paymentErrors.orderNotFound();
    return jsonResponse({ order: await getOrder(user.id, orderId.data) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/orders/[orderId]");
  }
}
