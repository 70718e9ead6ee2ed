// POST /api/admin/orders/{orderId}/resync {reason}: operators only (404 otherwise): settle this order from Toss now, as reconciliation does.
import { adminErrors } from "@/lib/admin/errors";
import { guardAdminPost } from "@/lib/admin/guard-admin-post";
import { requireApiOperator } from "@/lib/admin/operator";
import { resyncOrder } from "@/lib/admin/resync-order";
import { resyncInputSchema } from "@/lib/admin/schemas";
import { errorResponse } from "@/lib/errors";
import { readJson } from "@/lib/http";
import { orderIdSchema } from "@/lib/payments/schemas";
import { jsonResponse } from "@/lib/json-response";

export async function POST(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  try {
    const operator = await requireApiOperator();
    guardAdminPost(request);
    const orderId = orderIdSchema.safeParse((await params).orderId);
    if (!orderId.success) throw adminErrors.orderNotFound();
    const input = await readJson(request, resyncInputSchema);
    return jsonResponse(await resyncOrder(operator, orderId.data, input.reason));
  } catch (error) {
    return errorResponse(error, "POST /api/admin/orders/[orderId]/resync");
  }
}
