// GET /sandbox/toss/console/api/deliveries?merchant=&q= — recent webhook deliveries, newest first.
import { deliveryView, listDeliveries } from "@/lib/toss-sandbox/console/queries";
import { consoleRoute } from "@/lib/toss-sandbox/console/http";

export const GET = consoleRoute(async (request: Request) => {
  const search = new URL(request.url).searchParams;
  const deliveries = await listDeliveries({ merchantId: search.get("merchant") ?? undefined, q: search.get("q") ?? undefined });
  return Response.json({ data: deliveries.map(deliveryView) });
});
