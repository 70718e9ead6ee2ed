"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import type { OAuthProviderButton } from "@/lib/auth/oauth-providers";

const STYLES: Record<OAuthProviderButton["id"], string> = {
  kakao: "bg-[#FEE500] text-[#191919] hover:brightness-95",
  google: "border border-gray-300 bg-white text-ink hover:bg-gray-50",
};

/** Kakao / Google sign-in, rendered only for the providers the server says are configured. */
export function OAuthButtons({ providers, callbackUrl }: { providers: OAuthProviderButton[]; callbackUrl: string }) {
  const [pendingId, setPendingId] = useState<string | null>(null);
  if (providers.length === 0) return null;
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-3 text-xs text-ink-soft before:h-px before:flex-1 before:bg-gray-200 after:h-px after:flex-1 after:bg-gray-200">
        또는
      </p>
      {providers.map((provider) => (
        <button
          key={provider.id}
          type="button"
          disabled={pendingId !== null}
          aria-busy={pendingId === provider.id || undefined}
          onClick={() => {
            setPendingId(provider.id);
            // Leaves the page for the provider; next-auth brings the user back to callbackUrl.
            void signIn(provider.id, { callbackUrl }).catch(() => setPendingId(null));
          }}
          className={`inline-flex min-h-12 w-full items-center justify-center rounded-xl px-6 font-semibold disabled:opacity-60 ${STYLES[provider.id]}`}
        >
          {pendingId === provider.id ? "이동 중…" : provider.label}
        </button>
      ))}
    </div>
  );
}
