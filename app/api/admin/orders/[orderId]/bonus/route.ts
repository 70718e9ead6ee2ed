// POST /api/admin/orders/{orderId}/bonus {credits, expiresOn, label, reason, requestId}: operators only (404 otherwise): bonus credits for the buyer (a BONUS lot).
import { adminErrors } from "@/lib/admin/errors";
import { grantBonusAsOperator } from "@/lib/admin/grant-bonus-as-operator";
import { guardAdminPost } from "@/lib/admin/guard-admin-post";
import { requireApiOperator } from "@/lib/admin/operator";
import { bonusInputSchema } from "@/lib/admin/schemas";
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
    const input = await readJson(request, bonusInputSchema);
    return jsonResponse(await grantBonusAsOperator(operator, orderId.data, input));
  } catch (error) {
    return errorResponse(error, "POST /api/admin/orders/[orderId]/bonus");
  }
}
