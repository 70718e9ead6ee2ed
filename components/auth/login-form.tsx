"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { z } from "zod";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { OAuthProviderButton } from "@/lib/auth/oauth-providers";
import { loginSchema } from "@/lib/auth/schemas";
import { SIGN_IN_FAILED_MESSAGE, signInErrorMessage } from "@/lib/auth/sign-in-errors";
import type { FieldErrors } from "@/lib/errors";

interface LoginFormProps {
  /** already checked by safeCallbackUrl on the server */
  callbackUrl: string;
  providers: OAuthProviderButton[];
  /** from ?error= when next-auth sent the user back here */
  initialError: string | null;
}

export function LoginForm({ callbackUrl, providers, initialError }: LoginFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(initialError);
  const [redirecting, setRedirecting] = useState(false);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = loginSchema.safeParse({ email: data.get("email"), password: data.get("password") });
    setFormError(null);
    if (!parsed.success) {
      setFieldErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setFieldErrors({});
    startTransition(async () => {
      try {
        const result = await signIn("credentials", { redirect: false, callbackUrl, ...parsed.data });
        if (result?.ok && !result.error) {
          setRedirecting(true);
          // A full load, so the server-rendered header shows the signed-in user.
          window.location.replace(callbackUrl);
          return;
        }
        // One message for an unknown email and a wrong password: never tell which.
        setFormError(signInErrorMessage(result?.error ?? ""));
      } catch {
        setFormError(SIGN_IN_FAILED_MESSAGE);
      }
      passwordRef.current?.focus();
      passwordRef.current?.select();
    });
  }

  const busy = pending || redirecting;
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
          id="login-email"
          name="email"
          type="email"
          label="이메일"
          autoComplete="email"
          inputMode="email"
          required
          error={fieldErrors.email?.[0]}
        />
        <TextField
          ref={passwordRef}
          id="login-password"
          name="password"
          type="password"
          label="비밀번호"
          autoComplete="current-password"
          required
          error={fieldErrors.password?.[0]}
        />
        <Button type="submit" className="w-full" loading={busy} loadingLabel="처리 중…">
          로그인
        </Button>
      </form>
      <OAuthButtons providers={providers} callbackUrl={callbackUrl} />
    </div>
  );
}
