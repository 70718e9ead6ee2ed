// POST /api/admin/orders/{orderId}/credits {delta, reason, requestId}: operators only (404 otherwise): ± the buyer's credits (ADJUSTMENT).
import { adjustCreditsAsOperator } from "@/lib/admin/adjust-credits-as-operator";
import { adminErrors } from "@/lib/admin/errors";
import { guardAdminPost } from "@/lib/admin/guard-admin-post";
import { requireApiOperator } from "@/lib/admin/operator";
import { adjustmentInputSchema } from "@/lib/admin/schemas";
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
    const input = await readJson(request, adjustmentInputSchema);
    return jsonResponse(await adjustCreditsAsOperator(operator, orderId.data, input));
  } catch (error) {
    return errorResponse(error, "POST /api/admin/orders/[orderId]/credits");
  }
}
