// POST /sandbox/toss/v1/billing/{billingKey} — Toss's 자동결제 승인 API; DELETE — its 빌링키 삭제 API.
import { handleTossApi } from "@/lib/toss-sandbox/api-route";
import { chargeBillingKey } from "@/lib/toss-sandbox/billing/charge";
import { deleteBillingKeyApi } from "@/lib/toss-sandbox/billing/remove";
import { readJson } from "@/lib/toss-sandbox/http";

type Context = { params: Promise<{ billingKey: string }> };

export async function POST(request: Request, { params }: Context) {
  const { billingKey } = await params;
  return handleTossApi(request, async (call) => chargeBillingKey(call.merchantId, call.keyFamily, billingKey, await readJson(call.request)));
}

export async function DELETE(request: Request, { params }: Context) {
  const { billingKey } = await params;
  return handleTossApi(request, async (call) => deleteBillingKeyApi(call.merchantId, call.keyFamily, billingKey));
}
