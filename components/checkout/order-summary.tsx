import { formatWon } from "@/lib/format";

interface OrderSummaryProps {
  orderName: string;
  credits: number;
  amount: number;
  orderId: string;
}

/** What the buyer is paying for, above the payment methods. */
export function OrderSummary({ orderName, credits, amount, orderId }: OrderSummaryProps) {
  return (
    <section aria-labelledby="order-summary-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
      <h2 id="order-summary-title" className="text-sm font-semibold text-ink-soft">
        주문 내용
      </h2>
      <div className="mt-3 flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-lg font-bold">{orderName}</p>
          <p className="mt-0.5 text-sm text-ink-soft">크레딧 {credits}개</p>
        </div>
        <p className="shrink-0 text-lg font-bold tabular-nums">{formatWon(amount)}</p>
      </div>
      <dl className="mt-4 space-y-1 border-t border-gray-100 pt-4 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-ink-soft">주문번호</dt>
          <dd className="min-w-0 break-all text-right font-mono text-xs leading-5 text-ink-soft">{orderId}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="font-semibold">총 결제 금액</dt>
          <dd className="font-bold text-brand-700 tabular-nums">{formatWon(amount)}</dd>
        </div>
      </dl>
    </section>
  );
}
