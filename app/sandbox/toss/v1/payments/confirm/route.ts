// POST /sandbox/toss/v1/payments/confirm — Toss's 결제 승인 API.
import { handleTossApi } from "@/lib/toss-sandbox/api-route";
import { confirmPayment } from "@/lib/toss-sandbox/confirm";
import { readJson } from "@/lib/toss-sandbox/http";

export async function POST(request: Request) {
  return handleTossApi(request, async (call) => confirmPayment(call.merchantId, await readJson(call.request), call.keyFamily));
}
