import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsentForm } from "@/components/auth/consent-form";
import { hasCurrentConsent } from "@/lib/auth/consent";
import { getCurrentUser, safeCallbackUrl } from "@/lib/auth/session";
import { CURRENT_PRIVACY, CURRENT_TERMS } from "@/lib/legal/documents";

export const metadata: Metadata = { title: "약관 동의" };

// GET /consent?callbackUrl=…: asked once of a signed-in user who has not agreed to the current terms and
// privacy policy (an OAuth first sign-in, an account made from a shell, a new version); requireUser sends them here.
export default async function ConsentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/consent?callbackUrl=${encodeURIComponent(callbackUrl)}`)}`);
  if (hasCurrentConsent(user)) redirect(callbackUrl);
  const renewal = user.termsVersion !== null || user.privacyVersion !== null;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{renewal ? "약관이 바뀌었어요" : "약관 동의"}</h1>
        <p className="text-sm text-ink-soft">
          {renewal
            ? `바뀐 이용약관(${CURRENT_TERMS.effectiveFrom} 시행)과 개인정보 처리방침(${CURRENT_PRIVACY.effectiveFrom} 시행)을 확인하고 동의해 주세요.`
            : "서비스를 이용하려면 이용약관과 개인정보 수집·이용에 동의해 주세요."}
        </p>
      </div>
      <ConsentForm callbackUrl={callbackUrl} />
    </div>
  );
}
