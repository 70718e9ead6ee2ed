// POST /sandbox/toss/billing-auth/{id}/submit — the card registration window's buttons: 등록
// (intent=register, card), 실패 처리 (intent=fail, code) and 닫기 (intent=cancel); each redirects as Toss does.
import { failBillingWindow, registerCard } from "@/lib/toss-sandbox/billing/auth-window";
import { SandboxConsoleError } from "@/lib/toss-sandbox/console-error";
import { isBillingWindowFailureCode } from "@/lib/toss-sandbox/errors";
import { redirectAfterForm } from "@/lib/toss-sandbox/form-redirect";
import { sandboxRoute } from "@/lib/toss-sandbox/mode";

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
    if (intent === "register") {
      location = await registerCard(id, { card: field(form, "card") });
    } else if (intent === "cancel") {
      location = await failBillingWindow(id, "PAY_PROCESS_CANCELED");
    } else if (intent === "fail") {
      const code = field(form, "code") ?? "";
      if (!isBillingWindowFailureCode(code)) throw new SandboxConsoleError("INVALID_CODE", "실패 코드를 선택해주세요.", 400);
      location = await failBillingWindow(id, code);
    } else {
      throw new SandboxConsoleError("INVALID_INTENT", "알 수 없는 요청입니다.", 400);
    }
    return redirectAfterForm(request, location);
  } catch (error) {
    if (!(error instanceof SandboxConsoleError)) throw error;
    return redirectAfterForm(request, `/sandbox/toss/billing-auth/${encodeURIComponent(id)}?${new URLSearchParams({ error: error.message })}`);
  }
});
