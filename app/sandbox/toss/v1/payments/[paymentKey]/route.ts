// GET /sandbox/toss/v1/payments/{paymentKey} — Toss's paymentKey로 결제 조회.
import { handleTossApi } from "@/lib/toss-sandbox/api-route";
import { getPayment } from "@/lib/toss-sandbox/get-payment";

export async function GET(request: Request, { params }: { params: Promise<{ paymentKey: string }> }) {
  const { paymentKey } = await params;
  return handleTossApi(request, ({ merchantId, keyFamily }) => getPayment(merchantId, { paymentKey }, keyFamily));
}
