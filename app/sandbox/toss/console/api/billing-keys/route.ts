// GET /sandbox/toss/console/api/billing-keys?merchant=&q= — recent billing keys (Toss's Billing object
// and the sandbox's switches); q is a billingKey or a customerKey.
import { billingKeyView, listBillingKeys } from "@/lib/toss-sandbox/console/billing-keys";
import { consoleRoute } from "@/lib/toss-sandbox/console/http";
import { jsonResponse } from "@/lib/json-response";

export const GET = consoleRoute(async (request: Request) => {
  const search = new URL(request.url).searchParams;
  const keys = await listBillingKeys({ merchantId: search.get("merchant") ?? undefined, q: search.get("q") ?? undefined });
  return jsonResponse({ data: keys.map(billingKeyView) });
});
