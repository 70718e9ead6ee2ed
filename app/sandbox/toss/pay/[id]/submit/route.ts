// POST /sandbox/toss/pay/{id}/submit — the payment window's buttons: 결제 승인 (intent=approve),
// 실패 처리 (intent=fail, code) and 결제 취소 (intent=cancel); each redirects as Toss does.
import { SandboxConsoleError } from "@/lib/toss-sandbox/console-error";
import { isPaymentWindowFailureCode } from "@/lib/toss-sandbox/errors";
import { redirectAfterForm } from "@/lib/toss-sandbox/form-redirect";
import { sandboxRoute } from "@/lib/toss-sandbox/mode";
import { authenticatePayment, failPaymentWindow } from "@/lib/toss-sandbox/payment-window";

const field = (form: FormData | null, name: string) => {
  const value = form?.get(name);
  return typeof value === "string" ? value : null;
};

export const POST = sandboxRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const form = await request.formData().catch(() => null);
  const intent = field(form, "intent");
  try {
    let location: string;
    if (intent === "approve") {
      location = await authenticatePayment(id, { bank: field(form, "bank"), card: field(form, "card"), phone: field(form, "phone") });
    } else if (intent === "cancel") {
      location = await failPaymentWindow(id, "PAY_PROCESS_CANCELED");
    } else if (intent === "fail") {
      const code = field(form, "code") ?? "";
      if (!isPaymentWindowFailureCode(code)) throw new SandboxConsoleError("INVALID_CODE", "실패 코드를 선택해주세요.", 400);
      location = await failPaymentWindow(id, code);
    } else {
      throw new SandboxConsoleError("INVALID_INTENT", "알 수 없는 요청입니다.", 400);
    }
    return redirectAfterForm(request, location);
  } catch (error) {
    if (!(error instanceof SandboxConsoleError)) throw error;
    return redirectAfterForm(request, `/sandbox/toss/pay/${encodeURIComponent(id)}?${new URLSearchParams({ error: error.message })}`);
  }
});
