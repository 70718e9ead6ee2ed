"use client";
// Opens Toss's card registration window (자동결제 카드 등록) with SDK v2: payment({ customerKey })
// .requestBillingAuth({ method: "CARD" }). Toss sends the buyer back to /account/billing/success with an
// authKey (the server exchanges it for the billing key) or to /account/billing/fail. The SDK is loaded on
// click only, so /account carries none of it until the buyer asks.
import { useState } from "react";
import { Button } from "@/components/ui/button";

interface CardRegisterButtonProps {
  /** the billing pair's public client key (test_ck_/live_ck_), never a secret key */
  clientKey: string;
  customerKey: string;
  /** the SDK script: the sandbox's in sandbox mode, undefined for Toss's own */
  scriptSrc?: string;
  label: string;
}

export function CardRegisterButton({ clientKey, customerKey, scriptSrc, label }: CardRegisterButtonProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function register() {
    setPending(true);
    setError(null);
    try {
      const { loadTossPayments } = await import("@tosspayments/tosspayments-sdk");
      const tossPayments = await loadTossPayments(clientKey, scriptSrc ? { src: scriptSrc } : undefined);
      await tossPayments.payment({ customerKey }).requestBillingAuth({
        method: "CARD",
        successUrl: `${window.location.origin}/account/billing/success`,
        failUrl: `${window.location.origin}/account/billing/fail`,
      });
    } catch {
      setError("카드 등록 창을 열지 못했어요. 잠시 후 다시 시도해 주세요.");
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button type="button" onClick={register} loading={pending} loadingLabel="카드 등록 창을 여는 중…" className="w-full sm:w-auto">
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
