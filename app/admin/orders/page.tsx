import { AdminOrderList } from "@/components/admin/admin-order-list";
import { OrderSearchForm } from "@/components/admin/order-search-form";
import { Alert } from "@/components/ui/alert";
import { adminMetadata } from "@/lib/admin/metadata";
import { ORDER_KIND_LABELS } from "@/lib/admin/order-kind";
import { requireOperator } from "@/lib/admin/operator";
import { orderSearchSchema } from "@/lib/admin/schemas";
import { SEARCH_LIMIT, searchOrders } from "@/lib/admin/search-orders";

export const generateMetadata = adminMetadata("주문 검색");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function AdminOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  // Pages render alongside their layout: each checks the operator itself.
  await requireOperator();
  const params = await searchParams;
  const parsed = orderSearchSchema.safeParse({ q: one(params.q), kind: one(params.kind) });
  const { q: query, kind } = parsed.success ? parsed.data : { q: "", kind: undefined };
  const orders = parsed.success ? await searchOrders(query, kind) : [];
  const which = kind ? `${ORDER_KIND_LABELS[kind]} ` : "";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">주문 검색</h1>
      <OrderSearchForm query={query} kind={kind} />
      {!parsed.success ? <Alert tone="error">{parsed.error.issues[0]?.message}</Alert> : null}
      <section aria-labelledby="results-title" className="space-y-3">
        <h2 id="results-title" className="font-bold">
          {query ? `“${query}” ${which}검색 결과 ${orders.length}건` : `최근 ${which}주문 ${orders.length}건`}
        </h2>
        {orders.length === SEARCH_LIMIT ? <p className="text-xs text-ink-soft">최근 {SEARCH_LIMIT}건까지 보여줘요.</p> : null}
        <AdminOrderList orders={orders} />
      </section>
    </div>
  );
}
