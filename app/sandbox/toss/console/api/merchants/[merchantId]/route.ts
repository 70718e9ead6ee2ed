// GET, POST /sandbox/toss/console/api/merchants/{docs|app|sbx_<id>} — a merchant's sandbox settings:
// webhookUrl ("" = default), timeScale ("" = default), nextConfirm (a Toss error code, "timeout" with
// delayMs, or "none").
import { merchantSettingsAction, updateMerchantAction } from "@/lib/toss-sandbox/console/actions";
import { handleConsoleAction } from "@/lib/toss-sandbox/console/http";

type Context = { params: Promise<{ merchantId: string }> };

export async function GET(request: Request, { params }: Context) {
  const { merchantId } = await params;
  return handleConsoleAction(request, () => merchantSettingsAction(merchantId));
}

export async function POST(request: Request, { params }: Context) {
  const { merchantId } = await params;
  return handleConsoleAction(request, (body) => updateMerchantAction(merchantId, body));
}
