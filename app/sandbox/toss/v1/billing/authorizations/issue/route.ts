// POST /sandbox/toss/v1/billing/authorizations/issue — Toss's authKey로 빌링키 발급 API.
import { handleTossApi } from "@/lib/toss-sandbox/api-route";
import { issueBillingKey } from "@/lib/toss-sandbox/billing/issue";
import { readJson } from "@/lib/toss-sandbox/http";

export async function POST(request: Request) {
  return handleTossApi(request, async (call) => issueBillingKey(call.merchantId, call.keyFamily, await readJson(call.request)));
}
