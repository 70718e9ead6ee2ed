// POST /api/payments/toss/confirm {paymentKey, orderId, amount}: confirms a payment with Toss (the same
// function as the server action handlePaymentSuccess). 200 with the order once settled; 202 with
// Retry-After while Toss's answer is unknown (reconciliation settles it if the caller never returns).
import { traced } from "@/lib/db-trace";
import { errorResponse } from "@/lib/errors";
import { readJson, requireApiSessionUserId } from "@/lib/http";
import { confirmOrder } from "@/lib/payments/confirm-order";
import { toOrderView } from "@/lib/payments/order-view";
import { confirmSchema } from "@/lib/payments/schemas";
import { jsonResponse } from "@/lib/json-response";

export const POST = traced("app POST /api/payments/toss/confirm", async (request: Request) => {
  try {
    const userId = await requireApiSessionUserId();
    const input = await readJson(request, confirmSchema);
    // The session's user id without a read of the user: confirmOrder acts only on this user's own order,
    // and a user with orders cannot be deleted (Order.user is onDelete: Restrict), so a stale session
    // of a deleted account finds no order (404). One round trip fewer on the buyer's wait.
    const outcome = await confirmOrder(userId, input);
    if (outcome.kind === "processing") {
      return jsonResponse(
        { status: "PROCESSING", order: toOrderView(outcome.order), retryAfterSeconds: outcome.retryAfterSeconds },
        { status: 202, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
      );
    }
    return jsonResponse({ status: "SETTLED", order: toOrderView(outcome.order) });
  } catch (error) {
    return errorResponse(error, "POST /api/payments/toss/confirm");
  }
});
