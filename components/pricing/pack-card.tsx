import { ButtonLink } from "@/components/ui/button";
import { LinkPending } from "@/components/ui/link-pending";
import type { ShopProduct } from "@/lib/catalog/get-products";
import { formatWon } from "@/lib/format";
import { creditValidityText } from "@/lib/legal/credit-validity-text";

export function PackCard({
  product,
  refundWindowDays,
  creditValidityMonths,
}: {
  product: ShopProduct;
  refundWindowDays: number;
  creditValidityMonths: number;
}) {
  const perCredit = Math.round(product.price / product.credits);
  const headingId = `pack-${product.code}`;
  return (
    <article
      aria-labelledby={headingId}
      className="flex flex-col rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-bold">
          {product.name}
        </h2>
        <span className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-700">
          크레딧 {product.credits}개
        </span>
      </div>
      <p className="mt-4 text-3xl font-bold tracking-tight tabular-nums">{formatWon(product.price)}</p>
      <p className="mt-1 text-sm text-ink-soft">
        크레딧당 <span className="tabular-nums">{formatWon(perCredit)}</span>
      </p>
      <ul className="mt-4 space-y-1.5 text-sm text-ink-soft">
        {[`프리미엄 생성 ${product.credits}회`, `사용하지 않았다면 ${refundWindowDays}일 안에 환불`, `유효기간 ${creditValidityText(creditValidityMonths)}(결제일부터)`].map((line) => (
          <li key={line} className="flex items-center gap-2">
            <svg viewBox="0 0 20 20" className="size-4 shrink-0 text-brand-600" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden="true">
              <path d="M4.5 10.5l3.5 3.5 7.5-8" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {line}
          </li>
        ))}
      </ul>
      <ButtonLink
        href={`/checkout?product=${encodeURIComponent(product.code)}`}
        className="mt-6 w-full"
        aria-label={`${product.name} 구매하기`}
      >
        <LinkPending>구매하기</LinkPending>
      </ButtonLink>
    </article>
  );
}
