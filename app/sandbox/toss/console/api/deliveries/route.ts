// GET /sandbox/toss/console/api/deliveries?merchant=&q= — recent webhook deliveries, newest first.
import { deliveryView, listDeliveries } from "@/lib/toss-sandbox/console/queries";
import { consoleRoute } from "@/lib/toss-sandbox/console/http";
import { jsonResponse } from "@/lib/json-response";

export const GET = consoleRoute(async (request: Request) => {
  const search = new URL(request.url).searchParams;
  const deliveries = await listDeliveries({ merchantId: search.get("merchant") ?? undefined, q: search.get("q") ?? undefined });
  return jsonResponse({ data: deliveries.map(deliveryView) });
});
