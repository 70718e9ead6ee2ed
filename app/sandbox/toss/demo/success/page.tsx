import type { Metadata } from "next";
import Link from "next/link";
import { kstTime, won } from "@/components/toss-sandbox/format";
import { StatusBadge } from "@/components/toss-sandbox/status-badge";
import { env, TOSS_DOCS_SECRET_KEY } from "@/lib/env";
import { bankNameOf } from "@/lib/toss-sandbox/banks";
import { DOCS_API_SECRET_KEY } from "@/lib/toss-sandbox/keys";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "데모 결제 결과", robots: { index: false } };

interface ConfirmAnswer {
  ok: boolean;
  status: number;
  body: Record<string, unknown> | null;
}

/**
 * Confirms over HTTP, through the sandbox API, exactly as a shop's server confirms with Toss: Basic auth
 * with the docs secret key of the family that opened the payment (keys=api: the payment window's API
 * individual pair; otherwise the widget pair), an Idempotency-Key per order (a refresh replays the first answer).
 */
async function confirm(paymentKey: string, orderId: string, amount: string, secretKey: string): Promise<ConfirmAnswer> {
  const headers: Record<string, string> = {
    Authorization: `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`,
    "Content-Type": "application/json",
    "Idempotency-Key": `demo-confirm-${orderId}`,
  };
  if (env.vercelBypassSecret) headers["x-vercel-protection-bypass"] = env.vercelBypassSecret;
  try {
    const response = await fetch(`${env.appUrl}/sandbox/toss/v1/payments/confirm`, {
      method: "POST",
      headers,
      body: JSON.stringify({ paymentKey, orderId, amount: Number(amount) }),
      cache: "no-store",
      signal: AbortSignal.timeout(20_000),
    });
    return { ok: response.ok, status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
  } catch {
    return { ok: false, status: 0, body: { code: "NETWORK_ERROR", message: "샌드박스 API에 연결하지 못했어요." } };
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

export default async function SandboxDemoSuccessPage({
  searchParams,
}: {
  searchParams: Promise<{ paymentKey?: string; orderId?: string; amount?: string; paymentType?: string; keys?: string }>;
}) {
  const { paymentKey, orderId, amount, keys } = await searchParams;
  if (!paymentKey || !orderId || !amount) {
    return (
      <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
        결제 정보(paymentKey, orderId, amount)가 없어요.
      </p>
    );
  }
  const answer = await confirm(paymentKey, orderId, amount, keys === "api" ? DOCS_API_SECRET_KEY : TOSS_DOCS_SECRET_KEY);
  const payment = answer.body ?? {};
  const account = payment.virtualAccount as { accountNumber?: string; bankCode?: string; dueDate?: string } | null;

  return (
    <section className="space-y-4" aria-labelledby="result-title">
      <h1 id="result-title" className="text-xl font-bold">
        {answer.ok ? (account ? "가상계좌가 발급되었어요" : "결제가 완료되었어요") : "결제를 승인하지 못했어요"}
      </h1>
      {answer.ok ? (
        <dl className="divide-y divide-gray-100 rounded-2xl bg-white px-4 shadow-sm ring-1 ring-gray-200" data-testid="confirm-result">
          <div className="flex justify-between gap-4 py-3 text-sm">
            <dt className="text-ink-soft">상태</dt>
            <dd>
              <StatusBadge status={text(payment.status)} />
            </dd>
          </div>
          {[
            ["결제 수단", text(payment.method)],
            ["결제 금액", won(Number(payment.totalAmount))],
            ["주문번호", text(payment.orderId)],
            ["paymentKey", text(payment.paymentKey)],
            ...(account
              ? [
                  ["입금 계좌", `${bankNameOf(account.bankCode)} ${account.accountNumber ?? ""}`],
                  ["입금 기한", kstTime(account.dueDate ? new Date(account.dueDate) : null)],
                ]
              : []),
          ].map(([term, value]) => (
            <div key={term} className="flex justify-between gap-4 py-3 text-sm">
              <dt className="text-ink-soft">{term}</dt>
              <dd className="break-all text-right font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
          {text(payment.message) || "알 수 없는 오류"} ({text(payment.code) || `HTTP ${answer.status}`})
        </p>
      )}
      {account ? (
        <p className="text-sm text-ink-soft">콘솔에서 「입금 처리」를 누르면 입금 완료(DONE)와 웹훅이 이어져요.</p>
      ) : null}
      <p className="flex flex-wrap gap-3 text-sm">
        <Link href={`/sandbox/toss?q=${encodeURIComponent(orderId)}`} className="font-semibold text-brand-600 underline">
          콘솔에서 이 결제 보기
        </Link>
        <Link href="/sandbox/toss/demo" className="font-semibold text-brand-600 underline">
          다시 결제하기
        </Link>
      </p>
    </section>
  );
}
