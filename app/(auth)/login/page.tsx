import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { enabledOAuthProviders } from "@/lib/auth/oauth-providers";
import { getCurrentUser, safeCallbackUrl } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

export const metadata: Metadata = { title: "로그인" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? signInErrorMessage(params.error) : null;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">로그인</h1>
        <p className="text-sm text-ink-soft">크레딧 샵 계정으로 로그인해 주세요.</p>
      </div>
      <LoginForm callbackUrl={callbackUrl} providers={enabledOAuthProviders()} initialError={error} />
      <p className="text-center text-sm text-ink-soft">
        아직 계정이 없으신가요?{" "}
        <Link
          href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-semibold text-brand-600 underline-offset-4 hover:underline"
        >
          회원가입
        </Link>
      </p>
    </div>
  );
}
