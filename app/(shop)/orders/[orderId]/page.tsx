import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { failureMessage } from "@/components/checkout/failure-messages";
import { CreditLedger } from "@/components/credits/credit-ledger";
import { OrderAutoRefresh } from "@/components/orders/order-auto-refresh";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { RefundButton } from "@/components/orders/refund-button";
import { VirtualAccountDetails } from "@/components/orders/virtual-account-details";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DetailRow } from "@/components/ui/card";
import { FlashToast } from "@/components/ui/flash-toast";
import { requireUser } from "@/lib/auth/session";
import { getOrderCreditEntries } from "@/lib/credits/get-credits";
import { usableUntilText } from "@/lib/credits/expiry-notice";
import { getOrderLot } from "@/lib/credits/lots";
import { isAppError } from "@/lib/errors";
import { formatDateTime, formatWon } from "@/lib/format";
import { getOrder } from "@/lib/payments/get-orders";
import type { OrderView } from "@/lib/payments/order-view";
import { env } from "@/lib/env";
import { refundBlocker } from "@/lib/payments/refund-order";
import { refundWindowEnd } from "@/lib/payments/refund-window";
import { orderIdSchema } from "@/lib/payments/schemas";

export const metadata: Metadata = { title: "주문 상세" };

type Params = Promise<{ orderId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function findOrder(userId: string, orderId: string): Promise<OrderView | null> {
  try {
    return await getOrder(userId, orderId);
  } catch (error) {
    if (isAppError(error) && error.code === "ORDER_NOT_FOUND") return null;
    throw error;
  }
}

const REFUND_TOASTS: Record<string, string> = {
  done: "환불했어요. 크레딧이 회수됐어요.",
  processing: "환불을 처리하고 있어요. 잠시 후 다시 확인해 주세요.",
};

export default async function OrderPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { orderId } = await params;
  const user = await requireUser(`/orders/${encodeURIComponent(orderId)}`);
  const order = orderIdSchema.safeParse(orderId).success ? await findOrder(user.id, orderId) : null;
  if (!order) notFound();
  const refundFlag = (await searchParams).refund;
  const [lot, credits] = await Promise.all([getOrderLot(order.orderId), getOrderCreditEntries(user.id, order.orderId)]);
  const reversed = -credits.filter((e) => e.kind === "REVERSAL").reduce((sum, e) => sum + e.amount, 0);
  const blocker = refundBlocker(order, lot);
  // The last minute of the buyer's own refund window, as the order page shows it ("… 23:59까지").
  const refundableUntil = order.approvedAt ? new Date(refundWindowEnd(new Date(order.approvedAt), env.refundWindowDays).getTime() - 1).toISOString() : null;
  const waiting = order.status === "WAITING_FOR_DEPOSIT";
  // An automatic purchase (자동결제) is never paid again from here: its charge key allowed one charge.
  const canPay = order.kind === "CHECKOUT" && order.status === "PENDING" && !order.processing;

  return (
    <div className="space-y-5">
      <Link href="/orders" className="inline-flex min-h-10 items-center text-sm font-semibold text-ink-soft hover:text-ink">
        ← 주문 내역
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{order.orderName}</h1>
        <OrderStatusBadge order={order} />
      </div>

      {waiting || order.processing ? <OrderAutoRefresh /> : null}

      {waiting && order.virtualAccount ? (
        <section aria-labelledby="deposit-title" className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
          <h2 id="deposit-title" className="font-bold">
            입금 계좌
          </h2>
          <p className="text-sm text-ink-soft">입금이 확인되면 크레딧 {order.credits}개가 자동으로 지급돼요.</p>
          <VirtualAccountDetails account={order.virtualAccount} amount={order.amount} />
        </section>
      ) : null}

      {order.processing ? <Alert>결제를 확인하고 있어요. 확인이 끝나면 이 화면이 저절로 바뀌어요.</Alert> : null}

      {canPay ? (
        <section className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
          <p className="text-sm text-ink-soft">
            {order.failure
              ? `최근 결제 시도: ${failureMessage(order.failure.code, order.failure.message)}`
              : "아직 결제하지 않은 주문이에요."}
          </p>
          <ButtonLink
            href={`/checkout?product=${encodeURIComponent(order.productCode)}&orderId=${encodeURIComponent(order.orderId)}`}
            className="w-full sm:w-auto"
          >
            결제 계속하기
          </ButtonLink>
        </section>
      ) : null}

      <section aria-labelledby="details-title" className="rounded-2xl bg-white px-5 py-4 shadow-sm ring-1 ring-gray-200 sm:px-6">
        <h2 id="details-title" className="sr-only">
          주문 정보
        </h2>
        <dl className="divide-y divide-gray-100">
          <DetailRow label="주문번호">
            <span className="font-mono text-xs">{order.orderId}</span>
          </DetailRow>
          <DetailRow label="결제 금액">
            <span className="tabular-nums">{formatWon(order.amount)}</span>
          </DetailRow>
          <DetailRow label="크레딧">{order.credits}개</DetailRow>
          {lot ? (
            <>
              <DetailRow label="이 팩의 남은 크레딧">
                <span className="tabular-nums" data-testid="order-lot-remaining">
                  {lot.remaining} / {lot.amount}개{lot.held > 0 ? ` (사용 예약 중 ${lot.held}개)` : ""}
                </span>
              </DetailRow>
              {lot.expiresAt ? <DetailRow label="유효기간">{usableUntilText(lot.expiresAt.toISOString())}까지</DetailRow> : null}
            </>
          ) : null}
          <DetailRow label="결제 수단">{order.method ?? "—"}</DetailRow>
          <DetailRow label="주문 일시">{formatDateTime(order.createdAt)}</DetailRow>
          {order.approvedAt ? <DetailRow label="결제 일시">{formatDateTime(order.approvedAt)}</DetailRow> : null}
          {order.status === "PAID" && refundableUntil ? <DetailRow label="직접 환불 기한">{formatDateTime(refundableUntil)}까지</DetailRow> : null}
          {order.canceledAt ? <DetailRow label="취소 일시">{formatDateTime(order.canceledAt)}</DetailRow> : null}
        </dl>
        {order.receiptUrl ? (
          <a
            href={order.receiptUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="mt-2 inline-flex min-h-10 items-center text-sm font-semibold text-brand-700 underline-offset-4 hover:underline"
          >
            영수증 보기<span className="sr-only"> (새 창)</span>
          </a>
        ) : null}
      </section>

      {reversed > 0 ? (
        <section aria-labelledby="credits-title" className="space-y-3">
          <div className="space-y-1">
            <h2 id="credits-title" className="font-bold">
              크레딧 회수
            </h2>
            <p className="text-sm text-ink-soft">
              결제가 취소된 금액만큼 지급한 크레딧 {order.credits}개 중 {reversed}개를 회수했어요.
            </p>
          </div>
          <CreditLedger entries={credits} />
        </section>
      ) : null}

      {order.status === "PAID" ? (
        <section aria-labelledby="refund-title" className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
          <h2 id="refund-title" className="font-bold">
            환불
          </h2>
          {blocker ? (
            <p className="text-sm text-ink-soft">{blocker}</p>
          ) : (
            <>
              <p className="text-sm text-ink-soft">
                크레딧을 사용하지 않았다면 {formatDateTime(refundableUntil)}까지 전액 환불할 수 있어요. 그 뒤에는{" "}
                <Link href="/refund-policy" className="font-semibold text-brand-700 underline underline-offset-4">
                  환불정책
                </Link>
                에 따라 고객센터에서 도와드려요.
              </p>
              <RefundButton
                orderId={order.orderId}
                amount={order.amount}
                credits={order.credits}
                needsAccount={order.method === "가상계좌"}
              />
            </>
          )}
        </section>
      ) : null}

      <FlashToast param="refund" message={typeof refundFlag === "string" ? (REFUND_TOASTS[refundFlag] ?? null) : null} />
    </div>
  );
}
