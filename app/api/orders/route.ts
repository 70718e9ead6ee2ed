// POST /api/orders {product, orderId?}: creates a PENDING order (the same function as the server action
// createPaymentSession). GET /api/orders: the signed-in user's orders.
import { errorResponse } from "@/lib/errors";
import { readJson, requireApiUser } from "@/lib/http";
import { createOrder } from "@/lib/payments/create-order";
import { listOrders } from "@/lib/payments/get-orders";
import { createOrderSchema } from "@/lib/payments/schemas";
import { requestOrigin } from "@/lib/request-origin";
import { jsonResponse } from "@/lib/json-response";

export async function POST(request: Request) {
  try {
    const user = await requireApiUser();
    const input = await readJson(request, createOrderSchema);
    const session = await createOrder(user.id, input.product, { resumeOrderId: input.orderId, origin: await requestOrigin() });
    return jsonResponse(session, { status: 201 });
  } catch (error) {
    return errorResponse(error, "POST /api/orders");
  }
}

export async function GET() {
  try {
    const user = await requireApiUser();
    return jsonResponse({ orders: await listOrders(user.id) });
  } catch (error) {
    return errorResponse(error, "GET /api/orders");
  }
}
