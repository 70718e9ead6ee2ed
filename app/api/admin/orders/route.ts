// GET /api/admin/orders?q=&kind=: operators only (404 for everyone else): orders by orderId, paymentKey or buyer e-mail, of one kind (CHECKOUT | PLAN | TOP_UP) or all.
import { requireApiOperator } from "@/lib/admin/operator";
import { orderSearchSchema } from "@/lib/admin/schemas";
import { searchOrders } from "@/lib/admin/search-orders";
import { errorResponse, zodValidationError } from "@/lib/errors";
import { jsonResponse } from "@/lib/json-response";

export async function GET(request: Request) {
  try {
    await requireApiOperator();
    const params = new URL(request.url).searchParams;
    const search = orderSearchSchema.safeParse({ q: params.get("q") ?? undefined, kind: params.get("kind") ?? undefined });
    if (!search.success) throw zodValidationError(search.error.issues);
    return jsonResponse({ orders: await searchOrders(search.data.q, search.data.kind) });
  } catch (error) {
    return errorResponse(error, "GET /api/admin/orders");
  }
}
