export interface ConsentErrors {
  agreeTerms?: string;
  agreePrivacy?: string;
}

const ITEMS = [
  { name: "agreeTerms", label: "이용약관에 동의합니다", href: "/terms", linkText: "이용약관 보기" },
  { name: "agreePrivacy", label: "개인정보 수집·이용에 동의합니다", href: "/privacy", linkText: "개인정보 처리방침 보기" },
] as const;

/**
 * The two required agreements (KOREA.md, "Consent") as checkboxes named agreeTerms and agreePrivacy,
 * each with a link to its document (a new tab, so the form keeps what was typed). Used by the sign-up
 * form and the /consent page; the server checks them (lib/auth/schemas.ts consentSchema).
 */
export function ConsentFields({ idPrefix, errors = {} }: { idPrefix: string; errors?: ConsentErrors }) {
  return (
    <fieldset className="space-y-3 rounded-xl border border-gray-200 p-4">
      <legend className="px-1 text-sm font-semibold text-ink">약관 동의</legend>
      {ITEMS.map((item) => {
        const id = `${idPrefix}-${item.name}`;
        const error = errors[item.name];
        return (
          <div key={item.name} className="space-y-1">
            <div className="flex items-start justify-between gap-3">
              <label htmlFor={id} className="flex min-h-10 items-center gap-3 text-sm text-ink">
                <input
                  id={id}
                  type="checkbox"
                  name={item.name}
                  required
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className="size-5 shrink-0 accent-brand-600"
                />
                <span>
                  <span className="font-semibold text-brand-700">[필수]</span> {item.label}
                </span>
              </label>
              {/* A plain link: it opens a new tab, so there is nothing to prefetch for this one. */}
              <a
                href={item.href}
                target="_blank"
                rel="noopener"
                className="inline-flex min-h-10 shrink-0 items-center text-sm text-ink-soft underline underline-offset-4 hover:text-ink"
              >
                {item.linkText}
                <span className="sr-only"> (새 창)</span>
              </a>
            </div>
            {error ? (
              <p id={`${id}-error`} className="text-sm text-red-600">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
