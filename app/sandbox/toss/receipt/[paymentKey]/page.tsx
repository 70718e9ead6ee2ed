import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { kstTime, methodLabel, won } from "@/components/toss-sandbox/format";
import { StatusBadge } from "@/components/toss-sandbox/status-badge";
import { db } from "@/lib/db";
import { bankNameOf } from "@/lib/toss-sandbox/banks";
import { mIdOf } from "@/lib/toss-sandbox/keys";
import { cancelsOf } from "@/lib/toss-sandbox/payment-object";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "영수증 (샌드박스)", robots: { index: false } };

// Payment.receipt.url points here: what Toss's receipt page shows, for a sandbox payment.
export default async function SandboxReceiptPage({ params }: { params: Promise<{ paymentKey: string }> }) {
  const { paymentKey } = await params;
  // The sandbox's paymentKeys are letters, digits, _ and -: anything else (a NUL byte PostgreSQL
  // refuses, say) is simply not a payment.
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(paymentKey)) notFound();
  const payment = await db.sandboxPayment.findUnique({ where: { paymentKey } });
  if (!payment) notFound();
  const rows: [string, string][] = [
    ["상점", mIdOf(payment.merchantId)],
    ["주문명", payment.orderName],
    ["주문번호", payment.orderId],
    ["결제 수단", methodLabel(payment.method, payment.easyPayProvider)],
    ["결제 금액", won(payment.totalAmount)],
    ["취소 가능 잔액", won(payment.balanceAmount)],
    ["승인 시각", kstTime(payment.approvedAt)],
  ];
  if (payment.accountNumber) rows.push(["가상계좌", `${bankNameOf(payment.bankCode)} ${payment.accountNumber}`]);
  return (
    <section className="mx-auto max-w-md space-y-4" aria-labelledby="receipt-title">
      <h1 id="receipt-title" className="flex items-center gap-2 text-xl font-bold">
        영수증 <StatusBadge status={payment.status} />
      </h1>
      <dl className="divide-y divide-gray-100 rounded-2xl bg-white px-4 shadow-sm ring-1 ring-gray-200">
        {rows.map(([term, value]) => (
          <div key={term} className="flex justify-between gap-4 py-3 text-sm">
            <dt className="text-ink-soft">{term}</dt>
            <dd className="break-all text-right font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      {cancelsOf(payment).length ? (
        <ul className="space-y-1 text-sm">
          {cancelsOf(payment).map((c) => (
            <li key={c.transactionKey}>
              {c.canceledAt} 취소 {won(c.cancelAmount)} · {c.cancelReason}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
