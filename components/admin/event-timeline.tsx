import type { AdminPaymentEvent } from "@/lib/admin/get-order-detail";
import { formatDateTime } from "@/lib/format";

// Korean names of the events operators meet most; any other type is shown as written.
const EVENT_LABELS: Record<string, string> = {
  ORDER_CREATED: "주문 생성",
  CONFIRM_REQUESTED: "결제 승인 요청",
  REFUND_REQUESTED: "환불 요청",
  REFUND_FAILED: "환불 실패",
  CREDITS_REVERSED: "크레딧 회수",
  SETTLE_PAID: "결제 완료 반영",
  SETTLE_CANCELED: "취소 반영",
  SETTLE_PARTIAL_CANCELED: "부분 취소 반영",
  SETTLE_EXPIRED: "만료 반영",
  SETTLE_WAITING_FOR_DEPOSIT: "입금 대기 반영",
  SETTLE_STATUS_UNCHANGED: "토스 상태 확인(변화 없음)",
  WEBHOOK_ALREADY_SETTLED: "웹훅 수신(이미 반영됨)",
  ADMIN_RESYNC_REQUESTED: "운영자: 토스에서 다시 확인",
  ADMIN_CREDITS_ADJUSTED: "운영자: 크레딧 조정",
  ADMIN_CREDITS_BONUS: "운영자: 보너스 크레딧",
  ADMIN_PLAN_DISABLED: "운영자: 구매자의 정기 충전 중지",
  ADMIN_TOP_UP_DISABLED: "운영자: 구매자의 자동충전 끄기",
  AUTO_CHARGE_REQUESTED: "자동결제 요청",
  AUTO_CHARGE_DECLINED: "자동결제 거절",
  AUTO_CHARGE_UNKNOWN: "자동결제 결과 미확인",
};

function operatorNote(payload: unknown): { operator: string; reason: string } | null {
  if (!payload || typeof payload !== "object") return null;
  const { operator, reason } = payload as { operator?: unknown; reason?: unknown };
  return typeof operator === "string" && typeof reason === "string" ? { operator, reason } : null;
}

/** The order's PaymentEvents, oldest first, with who did what and why for operator actions. */
export function EventTimeline({ events }: { events: AdminPaymentEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-ink-soft">기록된 이벤트가 없어요.</p>;
  return (
    <ol className="space-y-2">
      {events.map((event) => {
        const note = operatorNote(event.payload);
        return (
          <li key={event.id} className="rounded-xl bg-white p-3 ring-1 ring-gray-200" data-event-type={event.type}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <p className="text-sm font-semibold text-ink">
                {EVENT_LABELS[event.type] ?? event.type}
                {event.status ? <span className="ml-2 font-mono text-xs font-normal text-ink-soft">{event.status}</span> : null}
              </p>
              <p className="text-xs text-ink-soft">{formatDateTime(event.createdAt)}</p>
            </div>
            {note ? (
              <p className="mt-1 text-sm text-ink">
                {note.operator} · 사유: {note.reason}
              </p>
            ) : null}
            {event.payload ? (
              <details className="mt-1">
                <summary className="inline-flex min-h-8 cursor-pointer items-center text-xs font-semibold text-ink-soft">
                  자세히<span className="sr-only"> ({event.type})</span>
                </summary>
                <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded-lg bg-gray-50 p-2 text-xs">
                  {JSON.stringify(event.payload, null, 2)}
                </pre>
              </details>
            ) : null}
            {event.tossTraceId ? <p className="mt-1 break-all font-mono text-xs text-ink-soft">trace {event.tossTraceId}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
