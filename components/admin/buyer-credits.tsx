import { LEDGER_KIND_LABELS, signedCount } from "@/components/credits/credit-ledger";
import { Badge } from "@/components/ui/badge";
import type { CreditEntry } from "@/lib/credits/get-credits";
import type { LotView } from "@/lib/credits/lots";
import { formatDateTime } from "@/lib/format";

const LOT_SOURCE_LABELS: Record<LotView["source"], string> = { ORDER: "구매", BONUS: "보너스", ADJUSTMENT: "조정" };

/** "부족분 2개: 이미 사용됨": what a cancel called for that the pack no longer had. */
export const shortfallText = (credits: number) => `부족분 ${credits}개: 이미 사용됨`;

/** The buyer's lots, open ones first: where each came from, what is left, held and until when; this order's marked. */
export function BuyerLots({ lots, orderId }: { lots: LotView[]; orderId: string }) {
  if (lots.length === 0) return <p className="rounded-2xl bg-white p-5 text-sm text-ink-soft ring-1 ring-gray-200">크레딧 묶음이 없어요.</p>;
  return (
    <ul className="divide-y divide-gray-100 rounded-2xl bg-white shadow-sm ring-1 ring-gray-200" aria-label="크레딧 묶음">
      {lots.map((lot) => (
        <li key={lot.id} className="space-y-1 px-5 py-3.5" data-lot-source={lot.source} data-this-order={lot.orderId === orderId || undefined}>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={lot.source === "BONUS" ? "amber" : lot.source === "ORDER" ? "blue" : "gray"}>{LOT_SOURCE_LABELS[lot.source]}</Badge>
            <span className="min-w-0 font-semibold">{lot.reason}</span>
            {lot.orderId === orderId ? <Badge tone="green">이 주문</Badge> : null}
            {lot.expired ? <Badge tone="red">만료됨</Badge> : null}
          </p>
          <p className="text-sm tabular-nums">
            남은 크레딧 <strong>{lot.remaining}</strong> / {lot.amount}개
            {lot.held > 0 ? <span className="text-ink-soft"> · 예약 중 {lot.held}개</span> : null}
          </p>
          <p className="text-xs text-ink-soft">
            {lot.expiresAt ? (
              <>
                유효기간 <time dateTime={lot.expiresAt}>{formatDateTime(lot.expiresAt)}</time>
                {lot.expired ? " 만료" : "까지"}
              </>
            ) : (
              "유효기간 없음"
            )}
            {" · "}지급 <time dateTime={lot.createdAt}>{formatDateTime(lot.createdAt)}</time>
            {lot.source !== "ORDER" && lot.orderId ? ` · 주문 ${lot.orderId}` : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Ledger entries as the operator reads them: each with the lot it changed and, for a reversal, its shortfall. */
export function AdminCreditEntries({ entries, label }: { entries: CreditEntry[]; label: string }) {
  if (entries.length === 0) return <p className="rounded-2xl bg-white p-5 text-sm text-ink-soft ring-1 ring-gray-200">크레딧 내역이 없어요.</p>;
  return (
    <ul className="divide-y divide-gray-100 rounded-2xl bg-white shadow-sm ring-1 ring-gray-200" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.id} className="flex items-start gap-4 px-5 py-3.5" data-entry-kind={entry.kind}>
          <div className="min-w-0 flex-1 space-y-0.5">
            <p className="flex flex-wrap items-center gap-x-2 text-sm">
              <span className="font-semibold">{LEDGER_KIND_LABELS[entry.kind]}</span>
              <span className="min-w-0 break-words text-ink-soft">{entry.reason}</span>
            </p>
            {entry.shortfall > 0 ? <p className="text-sm font-semibold text-red-700">{shortfallText(entry.shortfall)}</p> : null}
            <p className="text-xs text-ink-soft">
              <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
              {entry.lot ? ` · 묶음: ${entry.lot.reason}` : null}
            </p>
          </div>
          <span className={`shrink-0 font-semibold tabular-nums ${entry.amount > 0 ? "text-brand-700" : "text-ink"}`}>{signedCount(entry.amount)}</span>
        </li>
      ))}
    </ul>
  );
}
