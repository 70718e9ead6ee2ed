// The demo's choice of how requestPayment() returns: redirect (successUrl/failUrl) or promise mode.
export type ResultMode = "redirect" | "promise";

export function ResultModeField({ value, onChange }: { value: ResultMode; onChange: (mode: ResultMode) => void }) {
  const options: [ResultMode, string][] = [
    ["redirect", "리다이렉트 (successUrl·failUrl)"],
    ["promise", "Promise (결제창이 새 창으로 열려요)"],
  ];
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">결제 결과 받는 방식</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map(([mode, label]) => (
          <label key={mode} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-gray-300 bg-white px-4 text-sm has-[:checked]:border-brand-600">
            <input type="radio" name="result-mode" value={mode} checked={value === mode} onChange={() => onChange(mode)} className="h-5 w-5" />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The demo's success page for a promise-mode result, as Toss's success redirect would have it. */
export function successPathOf(result: { paymentType?: string; orderId: string; paymentKey: string; amount: number | { value: number } }, keys?: "api"): string {
  const query = new URLSearchParams();
  if (keys) query.set("keys", keys);
  query.set("paymentType", result.paymentType ?? "NORMAL");
  query.set("orderId", result.orderId);
  query.set("paymentKey", result.paymentKey);
  query.set("amount", String(typeof result.amount === "number" ? result.amount : result.amount.value));
  return `/sandbox/toss/demo/success?${query}`;
}

/** "message (CODE)" of an SDK error, for the demo's alert. */
export function sdkErrorText(error: unknown, fallback: string): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return `${message ?? fallback}${code ? ` (${code})` : ""}`;
}
