import type { ReactNode } from "react";

/** The white rounded surface every page section sits on. */
export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <section className={`rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6 ${className}`}>{children}</section>;
}

/** A label / value row of a details list (<dl>). */
export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-4 py-2.5">
      <dt className="shrink-0 text-sm text-ink-soft">{label}</dt>
      <dd className="min-w-0 break-all text-right text-sm font-medium text-ink">{children}</dd>
    </div>
  );
}
