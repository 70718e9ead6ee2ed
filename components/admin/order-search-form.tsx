import { Button } from "@/components/ui/button";
import { ORDER_KIND_LABELS, ORDER_KINDS, type OrderKind } from "@/lib/admin/order-kind";

const field = "block min-h-12 w-full rounded-xl border border-gray-300 bg-white px-4 text-base text-ink focus:border-brand-500";

/** A plain GET form: works without JavaScript, and the result has an address to share. */
export function OrderSearchForm({ query, kind }: { query: string; kind?: OrderKind }) {
  return (
    <form action="/admin/orders" method="get" role="search" aria-label="주문 검색" className="space-y-2">
      <div className="grid gap-2 sm:grid-cols-[1fr_12rem_8rem] sm:items-end">
        <div className="space-y-1.5">
          <label htmlFor="admin-search" className="block text-sm font-semibold text-ink">
            주문번호, paymentKey 또는 구매자 이메일
          </label>
          <input
            id="admin-search"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={200}
            autoComplete="off"
            aria-describedby="admin-search-hint"
            className={field}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="admin-search-kind" className="block text-sm font-semibold text-ink">
            주문 종류
          </label>
          <select id="admin-search-kind" name="kind" defaultValue={kind ?? ""} className={field}>
            <option value="">전체</option>
            {ORDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {ORDER_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">검색</Button>
      </div>
      <p id="admin-search-hint" className="text-xs text-ink-soft">
        정확히 일치하는 주문을 찾아요. 비워 두면 최근 주문을 보여줘요. 정기 충전과 자동충전은 등록된 카드로 자동 결제된 주문이에요.
      </p>
    </form>
  );
}
