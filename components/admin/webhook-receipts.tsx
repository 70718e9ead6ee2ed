import type { AdminWebhookReceipt } from "@/lib/admin/get-order-detail";
import { formatDateTime } from "@/lib/format";

/** The webhook transmissions we received for the order; one never processed was answered 5xx. */
export function WebhookReceipts({ receipts }: { receipts: AdminWebhookReceipt[] }) {
  if (receipts.length === 0) return <p className="text-sm text-ink-soft">받은 웹훅이 없어요.</p>;
  return (
    <ul className="space-y-2">
      {receipts.map((r) => (
        <li key={r.id} className="rounded-xl bg-white p-3 text-sm ring-1 ring-gray-200">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-semibold">{r.eventType}</p>
            <p className="text-xs text-ink-soft">{formatDateTime(r.receivedAt)}</p>
          </div>
          <p className="mt-1 text-ink-soft">
            결과: {r.outcome ?? (r.processedAt ? "처리됨" : "처리 실패(5xx 응답, 토스가 재전송)")} · 재전송 {r.retriedCount}회
          </p>
          <p className="mt-1 break-all font-mono text-xs text-ink-soft">{r.transmissionId}</p>
        </li>
      ))}
    </ul>
  );
}
