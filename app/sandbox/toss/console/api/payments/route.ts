// GET /sandbox/toss/console/api/payments?merchant=&q= — recent sandbox payments as Toss Payment objects.
import { env } from "@/lib/env";
import { listPayments } from "@/lib/toss-sandbox/console/queries";
import { toPaymentObject } from "@/lib/toss-sandbox/payment-object";
import { consoleRoute } from "@/lib/toss-sandbox/console/http";
import { jsonResponse } from "@/lib/json-response";

export const GET = consoleRoute(async (request: Request) => {
  const search = new URL(request.url).searchParams;
  const payments = await listPayments({ merchantId: search.get("merchant") ?? undefined, q: search.get("q") ?? undefined });
  return jsonResponse({
    // sdkVersion and keyFamily: which SDK (v1, v2) and key family (WIDGET, API_INDIVIDUAL) opened it.
    data: payments.map((p) => ({ id: p.id, merchantId: p.merchantId, sdkVersion: p.sdkVersion, keyFamily: p.keyFamily, payment: toPaymentObject(p, env.appUrl) })),
  });
});
