import Link from "next/link";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderKindBadge } from "./order-kind-badge";
import type { AdminOrderRow } from "@/lib/admin/order-row";
import { formatDateTime, formatWon } from "@/lib/format";

/** Orders as cards (readable on a phone), each a link to its detail page. */
export function AdminOrderList({ orders }: { orders: AdminOrderRow[] }) {
  if (orders.length === 0) return <p className="rounded-2xl bg-white p-5 text-sm text-ink-soft ring-1 ring-gray-200">찾은 주문이 없어요.</p>;
  return (
    <ul className="space-y-2" aria-label="주문 목록">
      {orders.map((order) => (
        <li key={order.orderId}>
          <Link
            href={`/admin/orders/${encodeURIComponent(order.orderId)}`}
            className="block rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200 hover:ring-brand-500"
          >
            <span className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-semibold text-ink">{order.orderName}</span>
              <span className="flex flex-wrap items-center gap-1.5">
                <OrderKindBadge kind={order.kind} />
                <OrderStatusBadge order={order} />
              </span>
            </span>
            <span className="mt-1 block break-all font-mono text-xs text-ink-soft">{order.orderId}</span>
            <span className="mt-2 flex flex-wrap justify-between gap-x-4 gap-y-1 text-sm">
              <span className="tabular-nums font-semibold">{formatWon(order.amount)}</span>
              <span className="text-ink-soft">{order.buyerEmail ?? "이메일 없음"}</span>
              <span className="text-ink-soft">{formatDateTime(order.createdAt)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
