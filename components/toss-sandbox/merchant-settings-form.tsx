import type { MerchantSettings } from "@/lib/toss-sandbox/merchants";
import { CONFIRM_FAILURE_CODES } from "@/lib/toss-sandbox/errors";

const inputClass = "block min-h-11 w-full rounded-xl border border-gray-300 bg-white px-3 text-sm";

/** A merchant's webhook URL, retry time scale and "next confirm" behaviour. */
export function MerchantSettingsForm({ settings, returnTo }: { settings: MerchantSettings; returnTo: string }) {
  const nextConfirm = settings.nextConfirmErrorCode ?? (settings.nextConfirmDelayMs ? "timeout" : "none");
  return (
    <form
      method="post"
      action={`/sandbox/toss/console/api/merchants/${encodeURIComponent(settings.id)}`}
      className="grid gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200 sm:grid-cols-2"
    >
      <input type="hidden" name="returnTo" value={returnTo} />
      <label className="space-y-1 sm:col-span-2">
        <span className="text-sm font-semibold">웹훅 URL</span>
        <input type="url" name="webhookUrl" defaultValue={settings.webhookUrl ?? ""} placeholder={settings.effectiveWebhookUrl} className={inputClass} />
        <span className="block text-xs text-ink-soft">비우면 기본값: {settings.effectiveWebhookUrl}</span>
      </label>
      <label className="space-y-1">
        <span className="text-sm font-semibold">재시도 시간 배율</span>
        <input type="text" inputMode="decimal" name="timeScale" defaultValue={String(settings.timeScale)} className={inputClass} />
        <span className="block text-xs text-ink-soft">1 = 토스 일정(1, 4, 16 … 4096분). 0.001이면 1분이 0.06초.</span>
      </label>
      <label className="space-y-1">
        <span className="text-sm font-semibold">다음 결제 승인</span>
        <select name="nextConfirm" defaultValue={nextConfirm} className={inputClass}>
          <option value="none">정상 승인</option>
          <option value="timeout">응답 지연 (승인 후 15초 뒤 응답)</option>
          {CONFIRM_FAILURE_CODES.map((code) => (
            <option key={code} value={code}>
              실패: {code}
            </option>
          ))}
        </select>
        <span className="block text-xs text-ink-soft">한 번 적용되면 정상 승인으로 돌아가요.</span>
      </label>
      <button
        type="submit"
        className="inline-flex min-h-11 items-center justify-center rounded-xl bg-brand-600 px-5 text-sm font-semibold text-white hover:bg-brand-700 sm:col-span-2"
      >
        {settings.id} 설정 저장
      </button>
    </form>
  );
}
