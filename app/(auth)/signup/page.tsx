import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { enabledOAuthProviders } from "@/lib/auth/oauth-providers";
import { getCurrentUser, safeCallbackUrl } from "@/lib/auth/session";

export const metadata: Metadata = { title: "회원가입" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">회원가입</h1>
        <p className="text-sm text-ink-soft">이메일로 가입하고 크레딧 팩을 구매해 보세요.</p>
      </div>
      <SignUpForm callbackUrl={callbackUrl} providers={enabledOAuthProviders()} />
      <p className="text-center text-sm text-ink-soft">
        이미 계정이 있으신가요?{" "}
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-semibold text-brand-600 underline-offset-4 hover:underline"
        >
          로그인
        </Link>
      </p>
    </div>
  );
}
