import type { ReactNode } from "react";

type Tone = "info" | "error" | "success" | "warning";

const tones: Record<Tone, string> = {
  info: "bg-brand-50 text-brand-700",
  error: "bg-red-50 text-red-800",
  success: "bg-green-50 text-green-800",
  warning: "bg-amber-50 text-amber-800",
};

/** An inline message box. Pass role="alert" for errors that appear after an action. */
export function Alert({ tone = "info", children, role }: { tone?: Tone; children: ReactNode; role?: "alert" | "status" }) {
  return (
    <div role={role} className={`rounded-xl px-4 py-3 text-sm leading-relaxed ${tones[tone]}`}>
      {children}
    </div>
  );
}
