import { Button } from "@/components/ui/button";
import { ORDER_KIND_LABELS, ORDER_KINDS } from "@/lib/admin/order-kind";

/** A plain GET form to the CSV route: the browser downloads the file. */
export function CsvExportForm({ from, to }: { from: string; to: string }) {
  const input = "block min-h-12 w-full rounded-xl border border-gray-300 bg-white px-4 text-base text-ink focus:border-brand-500";
  return (
    <form action="/api/admin/exports/orders" method="get" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1.5">
          <label htmlFor="csv-from" className="block text-sm font-semibold">
            시작일
          </label>
          <input id="csv-from" name="from" type="date" required defaultValue={from} className={input} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="csv-to" className="block text-sm font-semibold">
            종료일
          </label>
          <input id="csv-to" name="to" type="date" required defaultValue={to} className={input} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="csv-kind" className="block text-sm font-semibold">
            주문 종류
          </label>
          <select id="csv-kind" name="kind" defaultValue="" className={input}>
            <option value="">전체</option>
            {ORDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {ORDER_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="text-xs text-ink-soft">주문일 기준(한국 시간), 두 날짜 포함, 최대 1년. 엑셀에서 바로 열 수 있는 UTF-8 CSV예요.</p>
      <Button type="submit" variant="secondary" className="w-full sm:w-auto">
        CSV 내려받기
      </Button>
    </form>
  );
}
