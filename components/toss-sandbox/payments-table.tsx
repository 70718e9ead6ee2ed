import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { bankNameOf } from "@/lib/toss-sandbox/banks";
import { ActionButton } from "./action-button";
import { integrationLabel, kstTime, methodLabel, won } from "./format";
import { StatusBadge } from "./status-badge";

const API = "/sandbox/toss/console/api/payments";

function actionsFor(p: SandboxPayment): { action: string; label: string; danger?: boolean }[] {
  const list: { action: string; label: string; danger?: boolean }[] = [];
  if (p.status === "WAITING_FOR_DEPOSIT" && !p.accountExpired) list.push({ action: "deposit", label: "입금 처리" });
  if (p.status === "READY" || p.status === "IN_PROGRESS" || (p.status === "WAITING_FOR_DEPOSIT" && !p.accountExpired)) {
    list.push({ action: "expire", label: "만료" });
  }
  if (["DONE", "PARTIAL_CANCELED", "WAITING_FOR_DEPOSIT"].includes(p.status)) list.push({ action: "cancel", label: "상점 취소", danger: true });
  if (!["READY", "IN_PROGRESS"].includes(p.status)) {
    list.push({ action: "duplicate", label: "웹훅 중복 전송" }, { action: "out-of-order", label: "순서 뒤바꿔 전송" });
  }
  return list;
}

export function PaymentsTable({ payments, returnTo }: { payments: SandboxPayment[]; returnTo: string }) {
  if (!payments.length) return <p className="text-sm text-ink-soft">아직 결제가 없어요. 데모 결제로 하나 만들어 보세요.</p>;
  return (
    <div className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only">샌드박스 결제 목록</caption>
        <thead className="border-b border-gray-100 text-xs text-ink-soft">
          <tr>
            <th scope="col" className="px-3 py-2">주문</th>
            <th scope="col" className="px-3 py-2">연동 (SDK · 키)</th>
            <th scope="col" className="px-3 py-2">수단 · 금액</th>
            <th scope="col" className="px-3 py-2">상태</th>
            <th scope="col" className="px-3 py-2">동작</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {payments.map((p) => (
            <tr key={p.id} className="align-top">
              <td className="px-3 py-2">
                <div className="font-medium">{p.orderName}</div>
                <div className="break-all font-mono text-xs text-ink-soft">{p.orderId}</div>
                <div className="break-all font-mono text-xs text-ink-soft">{p.paymentKey}</div>
                <div className="text-xs text-ink-soft">
                  {p.merchantId} · {kstTime(p.requestedAt)}
                </div>
              </td>
              <td className="px-3 py-2">
                <div>{integrationLabel(p.sdkVersion, p.keyFamily).integration}</div>
                <div className="text-xs text-ink-soft">{integrationLabel(p.sdkVersion, p.keyFamily).keys}</div>
              </td>
              <td className="px-3 py-2">
                <div>{methodLabel(p.method, p.easyPayProvider)}</div>
                <div className="font-semibold">{won(p.totalAmount)}</div>
                {p.balanceAmount !== p.totalAmount ? <div className="text-xs text-ink-soft">잔액 {won(p.balanceAmount)}</div> : null}
                {p.accountNumber ? (
                  <div className="text-xs text-ink-soft">
                    {bankNameOf(p.bankCode)} {p.accountNumber}
                    {p.accountExpired ? " (기한 만료)" : ` · ${kstTime(p.dueDate)}까지`}
                  </div>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={p.status} />
                {p.failureCode ? <div className="mt-1 font-mono text-xs text-red-700">{p.failureCode}</div> : null}
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  {actionsFor(p).map((a) => (
                    <ActionButton
                      key={a.action}
                      action={`${API}/${encodeURIComponent(p.paymentKey)}/${a.action}`}
                      returnTo={returnTo}
                      tone={a.danger ? "danger" : "default"}
                    >
                      {a.label}
                    </ActionButton>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
