"use client";

import { useActionState, useEffect, useRef } from "react";
import { agreeToTermsAction, type ConsentState } from "@/actions/consent";
import { ConsentFields } from "@/components/auth/consent-fields";
import { Button } from "@/components/ui/button";

/** /consent's form: both agreements, then on to `callbackUrl` (the server action redirects). Works before hydration too. */
export function ConsentForm({ callbackUrl }: { callbackUrl: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<ConsentState, FormData>(agreeToTermsAction, { status: "idle" });
  const fieldErrors = state.status === "error" ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={dispatch} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.status === "error" ? (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <ConsentFields idPrefix="consent" errors={{ agreeTerms: fieldErrors.agreeTerms?.[0], agreePrivacy: fieldErrors.agreePrivacy?.[0] }} />
      <Button type="submit" className="w-full" loading={pending} loadingLabel="처리 중…">
        동의하고 계속하기
      </Button>
    </form>
  );
}
