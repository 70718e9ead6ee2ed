// GET /sandbox/toss/console/api/deliveries?merchant=&q= — recent webhook deliveries, newest first.
import { deliveryView, listDeliveries } from "@/lib/toss-sandbox/console/queries";
import { sandboxRoute } from "@/lib/toss-sandbox/mode";

export const GET = sandboxRoute(async (request: Request) => {
  const search = new URL(request.url).searchParams;
  const deliveries = await listDeliveries({ merchantId: search.get("merchant") ?? undefined, q: search.get("q") ?? undefined });
  return Response.json({ data: deliveries.map(deliveryView) });
});
