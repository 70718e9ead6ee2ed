// Opens the sandbox's card registration window for a checked requestBillingAuth(), as both SDKs do: the
// server opens a registration (READY) and the page goes to the window, which later redirects to
// successUrl?customerKey=…&authKey=… or failUrl?code=…&message=… exactly as Toss's does. Toss's
// requestBillingAuth has no promise mode: the returned promise never settles (the page is leaving), or
// rejects with Toss's code when the request is refused.
import type { BillingFields } from "./checks";
import { fail, SdkError } from "./sdk-error";

export interface BillingRequest extends BillingFields {
  /** the sandbox's origin (where the script was loaded from) */
  base: string;
  sdk: "v1" | "v2";
  clientKey: string;
  customerKey: string;
}

export async function openBillingWindow(request: BillingRequest): Promise<never> {
  let response: Response;
  try {
    response = await fetch(`${request.base}/sandbox/toss/widget/billing-auth`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        sdk: request.sdk,
        clientKey: request.clientKey,
        customerKey: request.customerKey,
        successUrl: request.successUrl,
        failUrl: request.failUrl,
        customerEmail: request.customerEmail,
        customerName: request.customerName,
      }),
    });
  } catch {
    throw fail("NETWORK_ERROR");
  }
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string; checkoutPath?: string } | null;
  if (!response.ok || !body?.checkoutPath) throw new SdkError(body?.code ?? "UNKNOWN", body?.message);
  window.location.assign(new URL(body.checkoutPath, request.base).toString());
  return new Promise<never>(() => {});
}
