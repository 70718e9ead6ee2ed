import { AdminOrderList } from "@/components/admin/admin-order-list";
import { CsvExportForm } from "@/components/admin/csv-export-form";
import { OrderSearchForm } from "@/components/admin/order-search-form";
import { getDashboard, type PeriodTotals } from "@/lib/admin/get-dashboard";
import { kstDay } from "@/lib/kst";
import { adminMetadata } from "@/lib/admin/metadata";
import { requireOperator } from "@/lib/admin/operator";
import { formatCount, formatDateTime, formatWon } from "@/lib/format";

export const generateMetadata = adminMetadata("대시보드");

const card = "space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6";

function Totals({ title, totals }: { title: string; totals: PeriodTotals }) {
  return (
    <section aria-label={title} className={card}>
      <h2 className="font-bold">{title}</h2>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-ink-soft">결제 건수</dt>
          <dd className="text-lg font-bold tabular-nums">{formatCount(totals.paidOrders)}건</dd>
        </div>
        <div>
          <dt className="text-ink-soft">결제 금액</dt>
          <dd className="text-lg font-bold tabular-nums">{formatWon(totals.revenue)}</dd>
        </div>
        <div>
          <dt className="text-ink-soft">환불 주문</dt>
          <dd className="font-semibold tabular-nums">{formatCount(totals.refundedOrders)}건</dd>
        </div>
        <div>
          <dt className="text-ink-soft">환불 금액</dt>
          <dd className="font-semibold tabular-nums">{formatWon(totals.refundedAmount)}</dd>
        </div>
      </dl>
    </section>
  );
}

export default async function AdminDashboardPage() {
  await requireOperator();
  const now = new Date();
  const dashboard = await getDashboard(now);
  const today = kstDay(now);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">대시보드</h1>
      <OrderSearchForm query="" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Totals title="오늘(한국 시간)" totals={dashboard.today} />
        <Totals title="이번 달" totals={dashboard.month} />
      </div>
      <p className="text-xs text-ink-soft">결제 건수·금액은 결제 완료 시각 기준(이후 취소된 주문 포함), 환불은 크레딧을 회수한 취소 기준이에요.</p>

      <section aria-labelledby="stuck-title" className="space-y-3">
        <h2 id="stuck-title" className="font-bold">
          멈춘 주문: 승인 결과 미확인 {dashboard.stuck.confirmUnknown}건, 입금 기한 지난 가상계좌 {dashboard.stuck.depositOverdue}건
        </h2>
        {dashboard.stuck.orders.length ? <AdminOrderList orders={dashboard.stuck.orders} /> : <p className="text-sm text-ink-soft">없어요.</p>}
      </section>

      <section aria-labelledby="webhooks-title" className={card}>
        <h2 id="webhooks-title" className="font-bold">
          처리하지 못한 웹훅(5xx로 응답) {dashboard.failedWebhooks.count}건
        </h2>
        {dashboard.failedWebhooks.latest.length ? (
          <ul className="space-y-1 text-sm">
            {dashboard.failedWebhooks.latest.map((w) => (
              <li key={w.transmissionId} className="break-all">
                {formatDateTime(w.receivedAt)} · {w.eventType} · <span className="font-mono text-xs">{w.transmissionId}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-soft">없어요. 토스는 5xx 응답을 받은 웹훅을 다시 보내요.</p>
        )}
      </section>

      <section aria-labelledby="reconcile-title" className={card}>
        <h2 id="reconcile-title" className="font-bold">
          마지막 정산 작업
        </h2>
        {dashboard.lastReconcile ? (
          <>
            <p className="text-sm">{formatDateTime(dashboard.lastReconcile.at)}</p>
            <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg bg-gray-50 p-2 text-xs">
              {JSON.stringify(dashboard.lastReconcile.report, null, 2)}
            </pre>
          </>
        ) : (
          <p className="text-sm text-ink-soft">기록된 실행이 없어요.</p>
        )}
      </section>

      <section aria-labelledby="csv-title" className={card}>
        <h2 id="csv-title" className="font-bold">
          주문 CSV 내보내기
        </h2>
        <CsvExportForm from={`${today.slice(0, 8)}01`} to={today} />
      </section>
    </div>
  );
}
