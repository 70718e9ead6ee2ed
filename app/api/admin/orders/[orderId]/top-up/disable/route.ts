// POST /api/admin/orders/{orderId}/top-up/disable {reason}: operators only (404 otherwise): turns the buyer's threshold auto top-up off (DISABLED, OPERATOR_DISABLED); again: nothing changes, `changed: false`.
import { disableAutoChargeAsOperator } from "@/lib/admin/disable-auto-charge-as-operator";
import { adminErrors } from "@/lib/admin/errors";
import { guardAdminPost } from "@/lib/admin/guard-admin-post";
import { requireApiOperator } from "@/lib/admin/operator";
import { disableAutoChargeInputSchema } from "@/lib/admin/schemas";
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
    const input = await readJson(request, disableAutoChargeInputSchema);
    return jsonResponse(await disableAutoChargeAsOperator(operator, orderId.data, "TOP_UP", input.reason));
  } catch (error) {
    return errorResponse(error, "POST /api/admin/orders/[orderId]/top-up/disable");
  }
}
