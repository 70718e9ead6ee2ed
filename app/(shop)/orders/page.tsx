import type { Metadata } from "next";
import Link from "next/link";
import { OrderList } from "@/components/orders/order-list";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { listOrders } from "@/lib/payments/get-orders";

export const metadata: Metadata = { title: "주문 내역" };

export default async function OrdersPage() {
  const user = await requireUser("/orders");
  const orders = await listOrders(user.id);
  return (
    <div className="space-y-6">
      <div className="flex items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">주문 내역</h1>
        <Link href="/account" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
          내 크레딧
        </Link>
      </div>
      {orders.length ? (
        <OrderList orders={orders} />
      ) : (
        <div className="space-y-4 rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-gray-200">
          <p className="text-ink-soft">아직 주문이 없어요.</p>
          <ButtonLink href="/pricing">크레딧 팩 보러 가기</ButtonLink>
        </div>
      )}
    </div>
  );
}
