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

/**
 * The lot an entry changed, as its history line names it ("프로 팩 구매분"), or null where the entry
 * already says it: the grant that made the lot, and an expiry naming it in its reason.
 */
export function entryLotLabel(entry: Pick<CreditEntry, "reason" | "lot">): string | null {
  if (!entry.lot || entry.reason.includes(entry.lot.reason)) return null;
  return entry.lot.reason.endsWith("구매") ? `${entry.lot.reason}분` : entry.lot.reason;
}

export function CreditLedger({ entries }: { entries: CreditEntry[] }) {
  if (!entries.length) {
    return <p className="rounded-2xl bg-white p-6 text-center text-ink-soft ring-1 ring-gray-200">아직 크레딧 내역이 없어요.</p>;
  }
  return (
    <ul className="divide-y divide-gray-100 rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">
      {entries.map((entry) => {
        const lot = entryLotLabel(entry);
        return (
          <li key={entry.id} className="flex items-center gap-4 px-5 py-3.5">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-x-2 text-sm">
                <span className="font-semibold">{LEDGER_KIND_LABELS[entry.kind]}</span>
                <span className="min-w-0 truncate text-ink-soft">{entry.reason}</span>
              </p>
              <p className="mt-0.5 text-xs text-ink-soft">
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                {lot ? (
                  <>
                    <span aria-hidden="true"> · </span>
                    <span className="sr-only">, 크레딧 묶음: </span>
                    <span data-testid="ledger-lot">{lot}</span>
                  </>
                ) : null}
              </p>
              {entry.kind === "REVERSAL" && entry.shortfall > 0 ? (
                <p className="mt-0.5 text-xs font-medium text-amber-800">
                  남아 있지 않아 회수하지 못한 크레딧 <span className="tabular-nums">{entry.shortfall}</span>개
                </p>
              ) : null}
            </div>
            <span className={`shrink-0 font-semibold tabular-nums ${entry.amount > 0 ? "text-brand-700" : "text-ink"}`}>
              {signedCount(entry.amount)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
