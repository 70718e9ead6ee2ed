import { Button } from "@/components/ui/button";

/** A plain GET form: works without JavaScript, and the result has an address to share. */
export function OrderSearchForm({ query }: { query: string }) {
  return (
    <form action="/admin/orders" method="get" role="search" aria-label="주문 검색" className="space-y-2">
      <label htmlFor="admin-search" className="block text-sm font-semibold text-ink">
        주문번호, paymentKey 또는 구매자 이메일
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="admin-search"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={200}
          autoComplete="off"
          aria-describedby="admin-search-hint"
          className="block min-h-12 w-full rounded-xl border border-gray-300 bg-white px-4 text-base text-ink focus:border-brand-500"
        />
        <Button type="submit" className="sm:w-32">
          검색
        </Button>
      </div>
      <p id="admin-search-hint" className="text-xs text-ink-soft">
        정확히 일치하는 주문을 찾아요. 비워 두면 최근 주문을 보여줘요.
      </p>
    </form>
  );
}
