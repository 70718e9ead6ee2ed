// POST /sandbox/toss/console/api/payments/{orderId|paymentKey}/{deposit|expire|cancel|duplicate|out-of-order|next-confirm|webhook-url}
// The console's payment actions (also `npm run toss -- <action> <ref>`). Optional body: merchant,
// cancelAmount, cancelReason; nextConfirm, delayMs; webhookUrl ("" = the merchant's).
import { PAYMENT_ACTIONS, runPaymentAction, type PaymentAction } from "@/lib/toss-sandbox/console/actions";
import { handleConsoleAction } from "@/lib/toss-sandbox/console/http";
import { SandboxConsoleError } from "@/lib/toss-sandbox/console-error";

export async function POST(request: Request, { params }: { params: Promise<{ ref: string; action: string }> }) {
  const { ref, action } = await params;
  return handleConsoleAction(request, async (body) => {
    if (!PAYMENT_ACTIONS.includes(action as PaymentAction)) {
      throw new SandboxConsoleError("UNKNOWN_ACTION", `알 수 없는 동작입니다: ${action}`, 404);
    }
    const merchantId = typeof body.merchant === "string" && body.merchant ? body.merchant : undefined;
    return runPaymentAction(ref, action as PaymentAction, { merchantId, body });
  });
}
