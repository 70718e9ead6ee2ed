// GET /sandbox/toss/console/api/billing-keys/{billingKey}?merchant= — one billing key.
import { billingKeyView, findBillingKeyByRef } from "@/lib/toss-sandbox/console/billing-keys";
import { handleConsoleAction } from "@/lib/toss-sandbox/console/http";

export async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const merchantId = new URL(request.url).searchParams.get("merchant") ?? undefined;
  return handleConsoleAction(request, async () => ({ message: "", data: billingKeyView(await findBillingKeyByRef(ref, merchantId)) }));
}
