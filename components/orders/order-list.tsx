import Link from "next/link";
import { formatDateTime, formatWon } from "@/lib/format";
import type { OrderView } from "@/lib/payments/order-view";
import { OrderStatusBadge } from "./order-status-badge";

export function OrderList({ orders }: { orders: OrderView[] }) {
  return (
    <ul className="divide-y divide-gray-100 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">
      {orders.map((order) => (
        <li key={order.orderId}>
          <Link
            href={`/orders/${encodeURIComponent(order.orderId)}`}
            className="flex min-h-16 items-center gap-4 px-5 py-4 hover:bg-gray-50 focus-visible:bg-gray-50"
          >
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{order.orderName}</span>
                <OrderStatusBadge order={order} />
              </div>
              <p className="mt-1 text-sm text-ink-soft">
                <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
                {order.method ? ` · ${order.method}` : null}
              </p>
            </div>
            <span className="shrink-0 font-semibold tabular-nums">{formatWon(order.amount)}</span>
            <svg viewBox="0 0 20 20" className="size-4 shrink-0 text-gray-400" fill="currentColor" aria-hidden="true">
              <path d="M7.2 4.2a.75.75 0 0 1 1.06 0l5.25 5.25a.75.75 0 0 1 0 1.06L8.26 15.8a.75.75 0 1 1-1.06-1.06L11.94 10 7.2 5.26a.75.75 0 0 1 0-1.06z" />
            </svg>
          </Link>
        </li>
      ))}
    </ul>
  );
}
