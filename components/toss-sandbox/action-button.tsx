import type { ReactNode } from "react";

interface ActionButtonProps {
  action: string;
  returnTo: string;
  fields?: Record<string, string>;
  tone?: "default" | "danger";
  children: ReactNode;
}

/** A console action: a one-button form posting to the console API, which redirects back with a notice. */
export function ActionButton({ action, returnTo, fields = {}, tone = "default", children }: ActionButtonProps) {
  return (
    <form method="post" action={action} className="inline">
      <input type="hidden" name="returnTo" value={returnTo} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={`inline-flex min-h-9 items-center whitespace-nowrap rounded-lg px-2.5 text-xs font-semibold ring-1 ring-inset ${
          tone === "danger" ? "text-red-700 ring-red-200 hover:bg-red-50" : "text-brand-700 ring-brand-100 hover:bg-brand-50"
        }`}
      >
        {children}
      </button>
    </form>
  );
}
