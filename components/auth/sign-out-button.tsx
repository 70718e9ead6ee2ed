"use client";

import { useState } from "react";

/**
 * next-auth's sign-out, as next-auth/react's signOut() sends it (its CSRF token, then a form POST to
 * /api/auth/signout), without shipping next-auth/react in every page's JavaScript: this button is in
 * the header of every page, and no page has a SessionProvider for signOut() to notify.
 */
async function signOut(): Promise<void> {
  const csrf = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
  });
  if (!response.ok) throw new Error(`sign-out failed: ${response.status}`);
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending || undefined}
      onClick={async () => {
        setPending(true);
        try {
          // Then a relative navigation: the page reloads on this origin even when NEXTAUTH_URL names
          // another (a preview alias, a test server's port).
          await signOut();
          window.location.replace("/");
        } catch {
          setPending(false);
        }
      }}
      className="inline-flex min-h-10 items-center rounded-lg px-3 font-medium text-ink-soft hover:bg-gray-100 hover:text-ink disabled:opacity-60"
    >
      {pending ? "로그아웃 중…" : "로그아웃"}
    </button>
  );
}
