"use client";

import { useEffect, useState } from "react";

/** Copies `value` (an account number) and says so; the label names what is copied for screen readers. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
        } catch {
          // Clipboard refused (insecure origin, permissions): the number stays selectable on screen.
        }
      }}
      aria-label={`${label} 복사`}
      className="inline-flex min-h-10 shrink-0 items-center rounded-lg px-3 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-50"
    >
      <span aria-live="polite">{copied ? "복사했어요" : "복사"}</span>
    </button>
  );
}
