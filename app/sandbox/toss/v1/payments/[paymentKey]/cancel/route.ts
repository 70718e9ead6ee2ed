// POST /sandbox/toss/v1/payments/{paymentKey}/cancel — Toss's 결제 취소 API (full or partial).
import { handleTossApi } from "@/lib/toss-sandbox/api-route";
import { cancelPaymentApi } from "@/lib/toss-sandbox/cancel";
import { readJson } from "@/lib/toss-sandbox/http";

export async function POST(request: Request, { params }: { params: Promise<{ paymentKey: string }> }) {
  const { paymentKey } = await params;
  return handleTossApi(request, async (call) => cancelPaymentApi(call.merchantId, call.keyFamily, paymentKey, await readJson(call.request)));
}
