// GET /sandbox/toss/v1/payment-widget — the sandbox's stand-in for js.tosspayments.com/v1/payment-widget.
import { sandboxRoute } from "@/lib/toss-sandbox/mode";
import { paymentWidgetScript } from "@/lib/toss-sandbox/widget-script";

export const GET = sandboxRoute(async () => {
  return new Response(paymentWidgetScript(), {
    headers: {
      "Content-Type": "application/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
      "Access-Control-Allow-Origin": "*",
    },
  });
});
