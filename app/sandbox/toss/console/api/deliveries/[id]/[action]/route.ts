// POST /sandbox/toss/console/api/deliveries/{id}/{resend|duplicate} — send a webhook again, or twice.
import { DELIVERY_ACTIONS, runDeliveryAction, type DeliveryAction } from "@/lib/toss-sandbox/console/actions";
import { handleConsoleAction } from "@/lib/toss-sandbox/console/http";
import { SandboxConsoleError } from "@/lib/toss-sandbox/console-error";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; action: string }> }) {
  const { id, action } = await params;
  return handleConsoleAction(request, async () => {
    if (!DELIVERY_ACTIONS.includes(action as DeliveryAction)) {
      throw new SandboxConsoleError("UNKNOWN_ACTION", `알 수 없는 동작입니다: ${action}`, 404);
    }
    return runDeliveryAction(id, action as DeliveryAction);
  });
}
