"use server";
// The /consent form → lib/auth/consent: records the signed-in user's agreement to the current terms and
// privacy policy, then sends them on to where they were going.
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordConsent } from "@/lib/auth/consent";
import { consentSchema } from "@/lib/auth/schemas";
import { getSessionUserId, safeCallbackUrl } from "@/lib/auth/session";
import type { FieldErrors } from "@/lib/errors";

export type ConsentState = { status: "idle" } | { status: "error"; message: string; fieldErrors?: FieldErrors };

export async function agreeToTermsAction(_previous: ConsentState, formData: FormData): Promise<ConsentState> {
  const callbackUrl = safeCallbackUrl(formData.get("callbackUrl"));
  const parsed = consentSchema.safeParse({
    agreeTerms: formData.get("agreeTerms") === "on",
    agreePrivacy: formData.get("agreePrivacy") === "on",
  });
  if (!parsed.success) {
    return { status: "error", message: "필수 항목에 모두 동의해 주세요.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  const userId = await getSessionUserId();
  if (!userId || !(await recordConsent(userId, "CONSENT_PAGE"))) {
    redirect(`/login?callbackUrl=${encodeURIComponent(`/consent?callbackUrl=${encodeURIComponent(callbackUrl)}`)}`);
  }
  redirect(callbackUrl);
}
