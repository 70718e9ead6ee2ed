"use client";
// Opens Toss's card registration window (자동결제 카드 등록) with the SDK the shop is configured for
// (TOSS_BILLING_SDK): v2, payment({ customerKey }).requestBillingAuth({ method: "CARD" }) through Toss's
// loader; or v1, the payment script's TossPayments(clientKey).requestBillingAuth("카드", …). Either sends the
// buyer back to /account/billing/success with an authKey (the server exchanges it for the billing key) or
// to /account/billing/fail. The SDK is loaded on click only, so /account carries none of it until asked.
import { useState } from "react";
import { Button } from "@/components/ui/button";

interface CardRegisterButtonProps {
  sdk: "v1" | "v2";
  /** the billing pair's public client key (test_ck_/live_ck_), never a secret key */
  clientKey: string;
  customerKey: string;
  /** the SDK script: the sandbox's in sandbox mode; for v2, undefined loads Toss's own */
  scriptSrc?: string;
  label: string;
  variant?: "primary" | "secondary";
}

interface TossPaymentsV1 {
  requestBillingAuth(method: "카드", params: { customerKey: string; successUrl: string; failUrl: string }): Promise<void>;
}

declare global {
  interface Window {
    TossPayments?: (clientKey: string) => TossPaymentsV1;
  }
}

/** SDK v1 is a plain script that defines window.TossPayments (Toss's documented way to load it). */
function loadV1(src: string): Promise<NonNullable<Window["TossPayments"]>> {
  if (window.TossPayments) return Promise.resolve(window.TossPayments);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => (window.TossPayments ? resolve(window.TossPayments) : reject(new Error("TossPayments is missing")));
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}

/** An SDK error the buyer caused by closing the window: not a failure to report. */
const closedByBuyer = (error: unknown) => ["USER_CANCEL", "PAY_PROCESS_CANCELED"].includes(String((error as { code?: unknown })?.code));

export function CardRegisterButton({ sdk, clientKey, customerKey, scriptSrc, label, variant = "primary" }: CardRegisterButtonProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function register() {
    setPending(true);
    setError(null);
    const urls = { successUrl: `${window.location.origin}/account/billing/success`, failUrl: `${window.location.origin}/account/billing/fail` };
    try {
      if (sdk === "v1") {
        const TossPayments = await loadV1(scriptSrc ?? "https://js.tosspayments.com/v1/payment");
        await TossPayments(clientKey).requestBillingAuth("카드", { customerKey, ...urls });
      } else {
        const { loadTossPayments } = await import("@tosspayments/tosspayments-sdk");
        const tossPayments = await loadTossPayments(clientKey, scriptSrc ? { src: scriptSrc } : undefined);
        await tossPayments.payment({ customerKey }).requestBillingAuth({ method: "CARD", ...urls });
      }
    } catch (caught) {
      setError(closedByBuyer(caught) ? null : "카드 등록 창을 열지 못했어요. 잠시 후 다시 시도해 주세요.");
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button type="button" variant={variant} onClick={register} loading={pending} loadingLabel="카드 등록 창을 여는 중…" className="w-full sm:w-auto">
        {label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
