import type { ComponentProps } from "react";

interface TextFieldProps extends Omit<ComponentProps<"input">, "id"> {
  id: string;
  label: string;
  /** shown under the field; marks it aria-invalid and describes it to screen readers */
  error?: string;
  hint?: string;
}

/** A labelled input with its hint and error wired up through aria-describedby. */
export function TextField({ id, label, error, hint, className, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block min-h-12 w-full rounded-xl border bg-white px-4 text-base text-ink placeholder:text-gray-400 focus:border-brand-500 disabled:bg-gray-100 ${
          error ? "border-red-500" : "border-gray-300"
        } ${className ?? ""}`}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-ink-soft">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
