"use client";
// Dismisses one notice (확인): it leaves the account page; the e-mail, if any, was already sent.
import { useState, useTransition } from "react";
import { dismissNoticeAction } from "@/actions/billing";

export function NoticeDismissButton({ id, title }: { id: string; title: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        aria-label={`알림 확인: ${title}`}
        className="min-h-11 rounded-lg px-3 font-semibold text-ink-soft underline-offset-4 hover:underline disabled:opacity-60"
        onClick={() =>
          start(async () => {
            const result = await dismissNoticeAction(id);
            setError(result.ok ? null : result.error.message);
          })
        }
      >
        확인
      </button>
      {error ? (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
