import type { SandboxWebhookDelivery } from "@/lib/generated/prisma/client";
import { ActionButton } from "./action-button";
import { kstTime } from "./format";
import { StatusBadge } from "./status-badge";

const API = "/sandbox/toss/console/api/deliveries";

export function DeliveriesTable({ deliveries, returnTo }: { deliveries: SandboxWebhookDelivery[]; returnTo: string }) {
  if (!deliveries.length) return <p className="text-sm text-ink-soft">아직 보낸 웹훅이 없어요.</p>;
  return (
    <div className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">웹훅 전송 목록</caption>
        <thead className="border-b border-gray-100 text-xs text-ink-soft">
          <tr>
            <th scope="col" className="px-3 py-2">이벤트</th>
            <th scope="col" className="px-3 py-2">전송</th>
            <th scope="col" className="px-3 py-2">마지막 응답</th>
            <th scope="col" className="px-3 py-2">동작</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {deliveries.map((d) => (
            <tr key={d.id} className="align-top">
              <td className="px-3 py-2">
                <div className="font-mono text-xs font-semibold">{d.eventType}</div>
                <div className="text-xs">{d.paymentStatus}</div>
                <div className="break-all font-mono text-xs text-ink-soft">{d.orderId}</div>
                <div className="break-all font-mono text-xs text-ink-soft">{d.transmissionId}</div>
                {d.note ? <div className="text-xs text-amber-800">{d.note}</div> : null}
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={d.status} />
                <div className="text-xs text-ink-soft">시도 {d.attempts}회</div>
                {d.status === "PENDING" && d.nextAttemptAt ? (
                  <div className="text-xs text-ink-soft">다음 {kstTime(d.nextAttemptAt)}</div>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <div className="font-semibold">{d.lastResponseStatus ?? (d.attempts ? "응답 없음" : "—")}</div>
                {d.lastResponseBody ? (
                  <div className="max-w-[16rem] truncate font-mono text-xs text-ink-soft" title={d.lastResponseBody}>
                    {d.lastResponseBody}
                  </div>
                ) : null}
                <div className="text-xs text-ink-soft">{kstTime(d.lastAttemptAt)}</div>
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  <ActionButton action={`${API}/${d.id}/resend`} returnTo={returnTo}>
                    재전송
                  </ActionButton>
                  <ActionButton action={`${API}/${d.id}/duplicate`} returnTo={returnTo}>
                    중복 전송
                  </ActionButton>
                </div>
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-ink-soft">본문</summary>
                  <pre className="mt-1 max-h-64 max-w-[22rem] overflow-auto whitespace-pre-wrap break-all rounded bg-gray-50 p-2 text-[11px]">
                    {JSON.stringify(JSON.parse(d.body), null, 2)}
                  </pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
