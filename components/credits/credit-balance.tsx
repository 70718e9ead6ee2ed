import { ButtonLink } from "@/components/ui/button";
import type { CreditSummary } from "@/lib/credits/lots";
import { expiryNotice, usableUntilText } from "@/lib/credits/expiry-notice";
import { formatCount } from "@/lib/format";

/**
 * The account page's headline: the credits the buyer can use now, those held for a job still running
 * (not in the balance until it ends), and the next credits to expire, counted in Seoul days from `now`.
 */
export function CreditBalance({ balance, held, nextExpiry, now }: Pick<CreditSummary, "balance" | "held" | "nextExpiry"> & { now: Date }) {
  const notice = nextExpiry ? expiryNotice(nextExpiry, now) : null;
  return (
    <section aria-labelledby="balance-title" className="rounded-2xl bg-brand-600 p-5 text-white shadow-sm sm:p-6">
      <div className="flex items-center justify-between gap-4">
        <div>
          <h2 id="balance-title" className="text-sm font-medium text-brand-50">
            보유 크레딧
          </h2>
          <p className="mt-1 text-3xl font-bold tabular-nums" data-testid="credit-balance">
            {formatCount(balance)}개
          </p>
        </div>
        <ButtonLink href="/pricing" variant="secondary" className="shrink-0">
          충전하기
        </ButtonLink>
      </div>
      {held > 0 || notice ? (
        <ul className="mt-3 flex flex-wrap gap-2 text-sm">
          {held > 0 ? (
            <li className="rounded-full px-3 py-1 font-medium ring-1 ring-white/50" data-testid="credit-held">
              사용 예약 중 <span className="tabular-nums">{formatCount(held)}</span>개
            </li>
          ) : null}
          {notice && nextExpiry ? (
            <li
              className={`rounded-full px-3 py-1 font-medium ${notice.soon ? "bg-amber-50 text-amber-900" : "ring-1 ring-white/50"}`}
              data-testid="credit-next-expiry"
            >
              <time dateTime={nextExpiry.expiresAt} title={`${usableUntilText(nextExpiry.expiresAt)}까지 사용 가능`}>
                {notice.when}
              </time>{" "}
              {notice.what}
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
