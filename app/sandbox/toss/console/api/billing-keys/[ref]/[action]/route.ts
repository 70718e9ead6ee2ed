// POST /sandbox/toss/console/api/billing-keys/{billingKey}/{next-charge|card-state|remove}
// The console's billing-key switches (also `npm run toss -- billing-…`). Body: merchant?; nextCharge
// (a Toss error code, or "none"); cardState (NORMAL, LOST_OR_STOLEN, EXPIRED).
import { BILLING_KEY_ACTIONS, runBillingKeyAction, type BillingKeyAction } from "@/lib/toss-sandbox/console/billing-keys";
import { handleConsoleAction } from "@/lib/toss-sandbox/console/http";
import { SandboxConsoleError } from "@/lib/toss-sandbox/console-error";

export async function POST(request: Request, { params }: { params: Promise<{ ref: string; action: string }> }) {
  const { ref, action } = await params;
  return handleConsoleAction(request, async (body) => {
    if (!BILLING_KEY_ACTIONS.includes(action as BillingKeyAction)) {
      throw new SandboxConsoleError("UNKNOWN_ACTION", `알 수 없는 동작입니다: ${action}`, 404);
    }
    const merchantId = typeof body.merchant === "string" && body.merchant ? body.merchant : undefined;
    return runBillingKeyAction(ref, action as BillingKeyAction, { merchantId, body });
  });
}
