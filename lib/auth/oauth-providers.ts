import "server-only";
import { env } from "@/lib/env";

export interface OAuthProviderButton {
  id: "kakao" | "google";
  /** Korean button text */
  label: string;
}

/** The OAuth sign-in buttons to show: only providers whose keys are configured (lib/env). */
export function enabledOAuthProviders(): OAuthProviderButton[] {
  const buttons: OAuthProviderButton[] = [];
  if (env.oauth.kakao) buttons.push({ id: "kakao", label: "카카오로 계속하기" });
  if (env.oauth.google) buttons.push({ id: "google", label: "Google로 계속하기" });
  return buttons;
}
