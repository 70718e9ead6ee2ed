import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { usableUntilText } from "@/lib/credits/expiry-notice";
import type { LotView } from "@/lib/credits/lots";
import { formatCount, formatDateTime } from "@/lib/format";

/** Where a lot's credits came from. */
export const LOT_SOURCE_LABELS: Record<LotView["source"], string> = {
  ORDER: "구매",
  BONUS: "보너스",
  ADJUSTMENT: "조정",
};

/**
 * The buyer's credit lots (크레딧 묶음), open ones first: each grant with its source, what is left of it
 * and until when. Expired lots and lots with nothing left are greyed; what an expired lot still shows as
 * remaining (until the cron sweeps it) cannot be used, so it counts as none.
 */
export function CreditLots({ lots }: { lots: LotView[] }) {
  if (!lots.length) {
    return <p className="rounded-2xl bg-white p-6 text-center text-ink-soft ring-1 ring-gray-200">아직 받은 크레딧이 없어요.</p>;
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {lots.map((lot) => (
        <CreditLotItem key={lot.id} lot={lot} />
      ))}
    </ul>
  );
}

function CreditLotItem({ lot }: { lot: LotView }) {
  const usable = lot.expired ? 0 : lot.remaining;
  const empty = !lot.expired && lot.remaining === 0 && lot.held === 0;
  const inactive = lot.expired || empty;
  const headingId = `lot-${lot.id}`;
  return (
    <li
      aria-labelledby={headingId}
      data-testid="credit-lot"
      className={`space-y-2 rounded-2xl p-4 ring-1 sm:p-5 ${inactive ? "bg-gray-50 text-ink-soft ring-gray-200" : "bg-white shadow-sm ring-gray-200"}`}
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={headingId} className={`min-w-0 break-words font-semibold ${inactive ? "text-ink-soft" : "text-ink"}`}>
          {lot.source === "ORDER" && lot.orderId ? (
            <Link href={`/orders/${encodeURIComponent(lot.orderId)}`} className="underline-offset-4 hover:underline">
              {lot.reason}
            </Link>
          ) : (
            lot.reason
          )}
        </h3>
        <div className="flex shrink-0 flex-wrap justify-end gap-1.5">
          <Badge tone={lot.source === "BONUS" ? "green" : lot.source === "ORDER" ? "blue" : "gray"}>{LOT_SOURCE_LABELS[lot.source]}</Badge>
          {lot.expired ? <Badge>만료됨</Badge> : empty ? <Badge>남은 크레딧 없음</Badge> : null}
        </div>
      </div>
      <p className="text-sm">
        남은 크레딧{" "}
        <strong className={`text-base tabular-nums ${inactive ? "font-semibold" : "font-bold text-ink"}`}>{formatCount(usable)}</strong>
        <span className="tabular-nums"> / {formatCount(lot.amount)}개</span>
        {lot.held > 0 && !lot.expired ? <span className="tabular-nums"> · 사용 예약 중 {formatCount(lot.held)}개</span> : null}
      </p>
      <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-ink-soft">
        <span>
          {lot.expiresAt ? (
            <>
              {lot.expired ? "" : "유효기간 "}
              <time dateTime={lot.expiresAt}>{usableUntilText(lot.expiresAt)}</time>
              {lot.expired ? " 만료" : "까지"}
            </>
          ) : (
            "유효기간 없음"
          )}
          <span className="sr-only">, </span>
        </span>
        <span>
          받은 날 <time dateTime={lot.createdAt}>{formatDateTime(lot.createdAt)}</time>
        </span>
      </p>
    </li>
  );
}
