// GET /api/admin/orders?q=: operators only (404 for everyone else): orders by orderId, paymentKey or buyer e-mail.
import { requireApiOperator } from "@/lib/admin/operator";
import { searchQuerySchema } from "@/lib/admin/schemas";
import { searchOrders } from "@/lib/admin/search-orders";
import { errorResponse, zodValidationError } from "@/lib/errors";
import { jsonResponse } from "@/lib/json-response";

export async function GET(request: Request) {
  try {
    await requireApiOperator();
    const q = searchQuerySchema.safeParse(new URL(request.url).searchParams.get("q") ?? undefined);
    if (!q.success) throw zodValidationError(q.error.issues);
    return jsonResponse({ orders: await searchOrders(q.data) });
  } catch (error) {
    return errorResponse(error, "GET /api/admin/orders");
  }
}
