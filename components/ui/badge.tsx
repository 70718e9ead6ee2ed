import type { ReactNode } from "react";

export type BadgeTone = "gray" | "blue" | "green" | "amber" | "red";

// -50 backgrounds with -800 text: every pair above 4.5:1.
const tones: Record<BadgeTone, string> = {
  gray: "bg-gray-100 text-gray-800",
  blue: "bg-brand-50 text-brand-700",
  green: "bg-green-50 text-green-800",
  amber: "bg-amber-50 text-amber-800",
  red: "bg-red-50 text-red-800",
};

export function Badge({ tone = "gray", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ${tones[tone]}`}>
      {children}
    </span>
  );
}
