// GET /sandbox/toss/v1/payments/orders/{orderId} — Toss's orderId로 결제 조회.
import { handleTossApi } from "@/lib/toss-sandbox/api-route";
import { getPayment } from "@/lib/toss-sandbox/get-payment";

export async function GET(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  return handleTossApi(request, ({ merchantId, keyFamily }) => getPayment(merchantId, { orderId }, keyFamily));
}
