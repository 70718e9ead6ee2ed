import type { CreditEntry } from "@/lib/credits/get-credits";
import { formatDateTime } from "@/lib/format";

export const LEDGER_KIND_LABELS: Record<CreditEntry["kind"], string> = {
  GRANT: "구매",
  REVERSAL: "환불/취소",
  SPEND: "사용",
  ADJUSTMENT: "조정",
  BONUS: "보너스",
  HOLD: "사용 예약",
  RELEASE: "예약 반환",
  EXPIRE: "만료",
};

/** 3 → "+3개", -2 → "−2개" (a true minus sign) */
export function signedCount(amount: number): string {
  return `${amount > 0 ? "+" : amount < 0 ? "\u2212" : ""}${Math.abs(amount)}개`;
}

export function CreditLedger({ entries }: { entries: CreditEntry[] }) {
  if (!entries.length) {
    return <p className="rounded-2xl bg-white p-6 text-center text-ink-soft ring-1 ring-gray-200">아직 크레딧 내역이 없어요.</p>;
  }
  return (
    <ul className="divide-y divide-gray-100 rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">
      {entries.map((entry) => (
        <li key={entry.id} className="flex items-center gap-4 px-5 py-3.5">
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-x-2 text-sm">
              <span className="font-semibold">{LEDGER_KIND_LABELS[entry.kind]}</span>
              <span className="min-w-0 truncate text-ink-soft">{entry.reason}</span>
            </p>
            <p className="mt-0.5 text-xs text-ink-soft">
              <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
            </p>
          </div>
          <span className={`shrink-0 font-semibold tabular-nums ${entry.amount > 0 ? "text-brand-700" : "text-ink"}`}>
            {signedCount(entry.amount)}
          </span>
        </li>
      ))}
    </ul>
  );
}
