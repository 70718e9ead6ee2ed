// POST /sandbox/toss/widget/payments — the widget's requestPayment(): opens a payment (READY) and
// answers the payment window's path, or a widget error {code, message}. CORS-open like Toss's widget API.
import { createCheckoutSession } from "@/lib/toss-sandbox/checkout-session";
import { sandboxRoute } from "@/lib/toss-sandbox/mode";
import { WidgetError } from "@/lib/toss-sandbox/widget-errors";
import { jsonResponse } from "@/lib/json-response";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
};

export const OPTIONS = sandboxRoute(async () => new Response(null, { status: 204, headers: CORS }));

export const POST = sandboxRoute(async (request: Request) => {
  try {
    const body: unknown = await request.json().catch(() => null);
    return jsonResponse(await createCheckoutSession(body), { headers: CORS });
  } catch (error) {
    if (error instanceof WidgetError) return jsonResponse(error.toJSON(), { status: 400, headers: CORS });
    console.error("[toss-sandbox] opening a payment failed", { error });
    return jsonResponse(new WidgetError("UNKNOWN").toJSON(), { status: 500, headers: CORS });
  }
});
