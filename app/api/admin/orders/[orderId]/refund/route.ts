// POST /api/admin/orders/{orderId}/refund {reason, requestId, amount?, unusedOnly?, allowNegativeBalance?}: operators only (404 otherwise): full, partial or unused-only refund.
import { adminErrors } from "@/lib/admin/errors";
import { guardAdminPost } from "@/lib/admin/guard-admin-post";
import { requireApiOperator } from "@/lib/admin/operator";
import { refundAsOperator } from "@/lib/admin/refund-as-operator";
import { refundInputSchema } from "@/lib/admin/schemas";
import { errorResponse } from "@/lib/errors";
import { readJson } from "@/lib/http";
import { toOrderView } from "@/lib/payments/order-view";
import { orderIdSchema } from "@/lib/payments/schemas";
import { jsonResponse } from "@/lib/json-response";

export async function POST(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  try {
    const operator = await requireApiOperator();
    guardAdminPost(request);
    const orderId = orderIdSchema.safeParse((await params).orderId);
    if (!orderId.success) throw adminErrors.orderNotFound();
    const input = await readJson(request, refundInputSchema);
    const outcome = await refundAsOperator(operator, orderId.data, input);
    if (outcome.kind === "processing") return jsonResponse({ status: "PROCESSING" }, { status: 202 });
    return jsonResponse({ order: toOrderView(outcome.result.order) });
  } catch (error) {
    return errorResponse(error, "POST /api/admin/orders/[orderId]/refund");
  }
}
