// POST /sandbox/toss/widget/billing-auth — requestBillingAuth() of SDK v1 and v2: opens a card
// registration (READY) and answers the registration window's path, or an SDK error {code, message}.
// CORS-open like Toss's SDK API: shops on other origins call it.
import { createBillingAuthSession } from "@/lib/toss-sandbox/billing/auth-session";
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
    return jsonResponse(await createBillingAuthSession(body), { headers: CORS });
  } catch (error) {
    if (error instanceof WidgetError) return jsonResponse(error.toJSON(), { status: 400, headers: CORS });
    console.error("[toss-sandbox] opening a card registration failed", { error });
    return jsonResponse(new WidgetError("UNKNOWN").toJSON(), { status: 500, headers: CORS });
  }
});
