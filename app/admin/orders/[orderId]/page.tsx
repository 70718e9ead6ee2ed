import Link from "next/link";
import { notFound } from "next/navigation";
import { BuyerAutoChargeView } from "@/components/admin/buyer-auto-charge";
import { OrderActions } from "@/components/admin/order-actions";
import { OrderKindBadge } from "@/components/admin/order-kind-badge";
import { EventTimeline } from "@/components/admin/event-timeline";
import { WebhookReceipts } from "@/components/admin/webhook-receipts";
import { AdminCreditEntries, BuyerLots, shortfallText } from "@/components/admin/buyer-credits";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { DetailRow } from "@/components/ui/card";
import { getOrderDetail, type AdminOrderDetail } from "@/lib/admin/get-order-detail";
import { adminMetadata } from "@/lib/admin/metadata";
import { requireOperator } from "@/lib/admin/operator";
import { bonusExpiryBounds } from "@/lib/admin/schemas";
import { isAppError } from "@/lib/errors";
import { formatDateTime, formatWon } from "@/lib/format";
import { orderIdSchema } from "@/lib/payments/schemas";

export const generateMetadata = adminMetadata("주문 상세");

const section = "space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6";

async function find(orderId: string): Promise<AdminOrderDetail | null> {
  if (!orderIdSchema.safeParse(orderId).success) return null;
  try {
    return await getOrderDetail(orderId);
  } catch (error) {
    if (isAppError(error) && error.code === "ORDER_NOT_FOUND") return null;
    throw error;
  }
}

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  await requireOperator();
  const detail = await find((await params).orderId);
  if (!detail) notFound();
  const { order, events, webhooks, buyer, autoCharge, orderLot, orderEntries } = detail;
  const reversals = orderEntries.filter((e) => e.kind === "REVERSAL");
  const reversed = -reversals.reduce((sum, e) => sum + e.amount, 0);
  const shortfall = reversals.reduce((sum, e) => sum + e.shortfall, 0);

  return (
    <div className="space-y-5">
      <Link href="/admin/orders" className="inline-flex min-h-10 items-center text-sm font-semibold text-ink-soft hover:text-ink">
        ← 주문 검색
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{order.orderName}</h1>
        <OrderKindBadge kind={order.kind} />
        <OrderStatusBadge order={order} />
      </div>

      <section aria-labelledby="order-title" className={section}>
        <h2 id="order-title" className="font-bold">
          주문 정보
        </h2>
        <dl className="divide-y divide-gray-100">
          <DetailRow label="주문번호">
            <span className="font-mono text-xs">{order.orderId}</span>
          </DetailRow>
          <DetailRow label="paymentKey">
            <span className="font-mono text-xs">{order.paymentKey ?? "—"}</span>
          </DetailRow>
          <DetailRow label="구매자">{order.buyerEmail ?? "이메일 없음"}</DetailRow>
          <DetailRow label="결제 금액">
            <span className="tabular-nums">{formatWon(order.amount)}</span>
          </DetailRow>
          <DetailRow label="크레딧">
            {order.credits}개{reversed > 0 ? ` (회수 ${reversed}개)` : ""}
            {shortfall > 0 ? <span className="ml-1 font-semibold text-red-700">{shortfallText(shortfall)}</span> : null}
          </DetailRow>
          {orderLot ? (
            <DetailRow label="이 팩의 남은 크레딧">
              <span className="tabular-nums">
                {orderLot.remaining} / {orderLot.amount}개{orderLot.held > 0 ? ` (예약 중 ${orderLot.held}개)` : ""}
                {orderLot.expiresAt ? ` · ${formatDateTime(orderLot.expiresAt)}${orderLot.expired ? " 만료" : "까지"}` : ""}
              </span>
            </DetailRow>
          ) : null}
          <DetailRow label="결제 수단">{order.method ?? "—"}</DetailRow>
          <DetailRow label="토스 상태">{order.tossStatus ?? "—"}</DetailRow>
          <DetailRow label="주문 일시">{formatDateTime(order.createdAt)}</DetailRow>
          {order.approvedAt ? <DetailRow label="결제 일시">{formatDateTime(order.approvedAt)}</DetailRow> : null}
          {order.canceledAt ? <DetailRow label="취소 일시">{formatDateTime(order.canceledAt)}</DetailRow> : null}
          {order.confirmAttemptedAt ? <DetailRow label="승인 시도">{formatDateTime(order.confirmAttemptedAt)}</DetailRow> : null}
          {order.failureCode ? (
            <DetailRow label="최근 실패">
              {order.failureCode} {order.failureMessage}
            </DetailRow>
          ) : null}
        </dl>
        {order.receiptUrl ? (
          <a
            href={order.receiptUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex min-h-10 items-center text-sm font-semibold text-brand-700 underline-offset-4 hover:underline"
          >
            토스 영수증 보기<span className="sr-only"> (새 창)</span>
          </a>
        ) : null}
      </section>

      <section aria-labelledby="actions-title" className={section}>
        <h2 id="actions-title" className="font-bold">
          작업
        </h2>
        <p className="text-sm text-ink-soft">모든 작업은 사유와 함께 운영자, 시각이 이벤트 기록에 남아요.</p>
        <OrderActions
          orderId={order.orderId}
          status={order.status}
          amount={order.amount}
          credits={order.credits}
          balance={buyer.balance}
          method={order.method}
          lot={orderLot && { amount: orderLot.amount, remaining: orderLot.remaining, held: orderLot.held, expired: orderLot.expired }}
          bonusExpiry={bonusExpiryBounds()}
        />
      </section>

      <section aria-labelledby="auto-charge-title" className={section}>
        <h2 id="auto-charge-title" className="font-bold">
          구매자 자동결제
        </h2>
        <BuyerAutoChargeView orderId={order.orderId} autoCharge={autoCharge} />
      </section>

      <section aria-labelledby="events-title" className="space-y-3">
        <h2 id="events-title" className="font-bold">
          이벤트 기록 ({events.length})
        </h2>
        <EventTimeline events={events} />
      </section>

      <section aria-labelledby="webhooks-title" className="space-y-3">
        <h2 id="webhooks-title" className="font-bold">
          웹훅 수신 기록 ({webhooks.length})
        </h2>
        <WebhookReceipts receipts={webhooks} />
      </section>

      <section aria-labelledby="buyer-title" className="space-y-3">
        <h2 id="buyer-title" className="font-bold">
          구매자 크레딧
        </h2>
        <p className="text-sm" data-testid="buyer-balance">
          현재 잔액 <strong>{buyer.balance}개</strong>
          {buyer.held > 0 ? <span className="text-ink-soft"> · 예약 중 {buyer.held}개</span> : null}
        </p>
        {buyer.nextExpiry ? (
          <p className="text-sm text-ink-soft">
            다음 만료: {formatDateTime(buyer.nextExpiry.expiresAt)}에 {buyer.nextExpiry.credits}개
          </p>
        ) : null}
        <h3 className="text-sm font-semibold">크레딧 묶음</h3>
        <BuyerLots lots={buyer.lots} orderId={order.orderId} />
        <h3 className="text-sm font-semibold">최근 내역</h3>
        <AdminCreditEntries entries={buyer.entries} label="구매자 크레딧 내역" />
      </section>
    </div>
  );
}
