"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { AdminActionResult } from "@/actions/admin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { REASON_MAX } from "@/lib/admin/schemas";
import type { FieldErrors } from "@/lib/errors";
import { newRequestId } from "@/lib/request-id";

interface ActionFormProps<T> {
  title: string;
  description?: ReactNode;
  submitLabel: string;
  variant?: "primary" | "danger" | "secondary";
  /** fields besides the reason; `errors` are the server's messages per field */
  children?: (errors: FieldErrors) => ReactNode;
  /** sends the form; `requestId` stays the same until the form changes or an answer arrives */
  send: (data: FormData, requestId: string) => Promise<AdminActionResult<T>>;
  done: (data: T) => string;
}

/** One operator action: its fields, a required reason, a submit button, and the answer announced. */
export function ActionForm<T>({ title, description, submitLabel, variant = "primary", children, send, done }: ActionFormProps<T>) {
  const router = useRouter();
  const id = useId();
  const requestId = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    requestId.current ??= newRequestId();
    setPending(true);
    setMessage(null);
    setErrors({});
    try {
      const result = await send(new FormData(form), requestId.current);
      requestId.current = null;
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error.message });
        setErrors(result.error.fieldErrors ?? {});
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        return;
      }
      form.reset();
      setMessage({ tone: "success", text: done(result.data) });
      router.refresh();
    } catch {
      // No answer: the same requestId is sent again on retry, so Toss sees one request.
      setMessage({ tone: "error", text: "요청을 보내지 못했어요. 네트워크 상태를 확인하고 다시 시도해 주세요." });
    } finally {
      setPending(false);
    }
  }

  const reasonError = errors.reason?.[0];
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={() => (requestId.current = null)}
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-xl p-4 ring-1 ring-gray-200"
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {title}
      </h3>
      {description ? <div className="text-sm text-ink-soft">{description}</div> : null}
      {children?.(errors)}
      <div className="space-y-1.5">
        <label htmlFor={`${id}-reason`} className="block text-sm font-semibold text-ink">
          사유 (필수)
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          required
          minLength={2}
          maxLength={REASON_MAX}
          rows={2}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
          className={`block w-full rounded-xl border bg-white px-4 py-3 text-base text-ink focus:border-brand-500 ${reasonError ? "border-red-500" : "border-gray-300"}`}
        />
        {reasonError ? (
          <p id={`${id}-reason-error`} className="text-sm text-red-600">
            {reasonError}
          </p>
        ) : null}
      </div>
      <div aria-live="polite">{message ? <Alert tone={message.tone}>{message.text}</Alert> : null}</div>
      <Button type="submit" variant={variant} loading={pending} loadingLabel="처리 중…" className="w-full sm:w-auto">
        {submitLabel}
      </Button>
    </form>
  );
}

/** A labelled number input wired to its server error. */
export function NumberField({ id, name, label, hint, error, min, max }: { id: string; name: string; label: string; hint?: string; error?: string; min?: number; max?: number }) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block min-h-12 w-full rounded-xl border bg-white px-4 text-base text-ink focus:border-brand-500 ${error ? "border-red-500" : "border-gray-300"}`}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-soft">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
