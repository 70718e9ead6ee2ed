"use client";

import { signIn } from "next-auth/react";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { signUpAction, type SignUpState } from "@/actions/sign-up";
import { ConsentFields } from "@/components/auth/consent-fields";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { OAuthProviderButton } from "@/lib/auth/oauth-providers";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, publicSignUpSchema } from "@/lib/auth/schemas";
import type { FieldErrors } from "@/lib/errors";

interface SignUpFormProps {
  /** already checked by safeCallbackUrl on the server */
  callbackUrl: string;
  providers: OAuthProviderButton[];
}

const SIGNED_UP_NOT_SIGNED_IN = "가입은 완료됐어요. 로그인 화면에서 다시 로그인해 주세요.";

export function SignUpForm({ callbackUrl, providers }: SignUpFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);

  // The server action creates the account; then the browser signs in through next-auth's
  // Credentials endpoint (which sets the session cookie) and leaves for callbackUrl.
  const [state, dispatch, pending] = useActionState(
    async (previous: SignUpState, formData: FormData): Promise<SignUpState> => {
      const result = await signUpAction(previous, formData);
      if (result.status !== "success") return result;
      try {
        const signedIn = await signIn("credentials", {
          redirect: false,
          callbackUrl,
          email: result.email,
          password: String(formData.get("password") ?? ""),
        });
        if (signedIn?.ok && !signedIn.error) {
          // A full load, so the server-rendered header shows the signed-in user.
          window.location.replace(callbackUrl);
          return result;
        }
      } catch {
        // Fall through: the account exists, only the automatic sign-in failed.
      }
      return { status: "error", message: SIGNED_UP_NOT_SIGNED_IN };
    },
    { status: "idle" },
  );

  const fieldErrors: FieldErrors = clientErrors ?? (state.status === "error" ? (state.fieldErrors ?? {}) : {});
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError = state.status === "error" && !clientErrors && !hasFieldErrors ? state.message : null;

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [clientErrors, state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Submitting through onSubmit (not <form action>) keeps the typed values: React resets a form
    // after a form action, which would wipe the email on a "already registered" answer.
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const parsed = publicSignUpSchema.safeParse({
      email: formData.get("email"),
      password: formData.get("password"),
      agreeTerms: formData.get("agreeTerms") === "on",
      agreePrivacy: formData.get("agreePrivacy") === "on",
    });
    if (!parsed.success) {
      setClientErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setClientErrors(null);
    startTransition(() => dispatch(formData));
  }

  const busy = pending || state.status === "success";
  return (
    <div className="space-y-6">
      {/* method="post": a submit before hydration must not put the password in the URL. */}
      <form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        {formError ? (
          <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        <TextField
          id="signup-email"
          name="email"
          type="email"
          label="이메일"
          autoComplete="email"
          inputMode="email"
          required
          error={fieldErrors.email?.[0]}
        />
        <TextField
          id="signup-password"
          name="password"
          type="password"
          label="비밀번호"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          hint={`${PASSWORD_MIN_LENGTH}자 이상 ${PASSWORD_MAX_LENGTH}자 이하로 입력해 주세요.`}
          error={fieldErrors.password?.[0]}
        />
        <ConsentFields idPrefix="signup" errors={{ agreeTerms: fieldErrors.agreeTerms?.[0], agreePrivacy: fieldErrors.agreePrivacy?.[0] }} />
        <Button type="submit" className="w-full" loading={busy} loadingLabel="처리 중…">
          가입하기
        </Button>
      </form>
      <OAuthButtons providers={providers} callbackUrl={callbackUrl} />
    </div>
  );
}
