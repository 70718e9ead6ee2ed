"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

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
          // redirect: false, then a relative navigation: the page reloads on this origin even when
          // NEXTAUTH_URL names another (a preview alias, a test server's port).
          await signOut({ redirect: false, callbackUrl: "/" });
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
