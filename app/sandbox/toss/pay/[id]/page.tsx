import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { kstTime, methodLabel, won } from "@/components/toss-sandbox/format";
import { db } from "@/lib/db";
import { BANKS, CARD_COMPANIES, DEFAULT_BANK_CODE, DEFAULT_CARD_COMPANY } from "@/lib/toss-sandbox/banks";
import { PAYMENT_WINDOW_FAILURES } from "@/lib/toss-sandbox/errors";
import { expireIfStale } from "@/lib/toss-sandbox/expire";
import { mIdOf } from "@/lib/toss-sandbox/keys";
import { PAYMENT_WINDOW_MS } from "@/lib/toss-sandbox/windows";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "토스페이먼츠 결제 (샌드박스)", robots: { index: false } };

const FAILURE_CHOICES = Object.entries(PAYMENT_WINDOW_FAILURES).filter(([code]) => code !== "PAY_PROCESS_CANCELED");

const selectClass = "block min-h-12 w-full rounded-xl border border-gray-300 bg-white px-3 text-base";

export default async function SandboxPaymentWindowPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const [{ id }, { error }] = await Promise.all([params, searchParams]);
  const found = await db.sandboxPayment.findUnique({ where: { id } });
  if (!found) notFound();
  const payment = await expireIfStale(found);
  const action = `/sandbox/toss/pay/${payment.id}/submit`;

  return (
    <section className="mx-auto max-w-md space-y-5" aria-labelledby="pay-title">
      <h1 id="pay-title" className="text-xl font-bold">
        토스페이먼츠 결제
      </h1>
      <dl className="divide-y divide-gray-100 rounded-2xl bg-white px-4 shadow-sm ring-1 ring-gray-200">
        {[
          ["상점", mIdOf(payment.merchantId)],
          ["주문명", payment.orderName],
          ["결제 수단", methodLabel(payment.method, payment.easyPayProvider)],
          ["주문번호", payment.orderId],
        ].map(([term, value]) => (
          <div key={term} className="flex justify-between gap-4 py-3 text-sm">
            <dt className="text-ink-soft">{term}</dt>
            <dd className="break-all text-right font-medium">{value}</dd>
          </div>
        ))}
        <div className="flex items-baseline justify-between gap-4 py-3">
          <dt className="text-sm text-ink-soft">결제 금액</dt>
          <dd className="text-xl font-bold">{won(payment.totalAmount)}</dd>
        </div>
      </dl>

      {error ? (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}

      {payment.status === "READY" ? (
        <>
          <form method="post" action={action} className="space-y-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
            {payment.method === "카드" ? (
              <div className="space-y-1">
                <label htmlFor="card" className="block text-sm font-semibold">
                  카드사
                </label>
                <select id="card" name="card" defaultValue={DEFAULT_CARD_COMPANY} className={selectClass}>
                  {CARD_COMPANIES.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {payment.method === "계좌이체" ? (
              <div className="space-y-1">
                <label htmlFor="bank" className="block text-sm font-semibold">
                  출금 은행
                </label>
                <select id="bank" name="bank" defaultValue={DEFAULT_BANK_CODE} className={selectClass}>
                  {BANKS.map((b) => (
                    <option key={b.code} value={b.code}>
                      {b.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {payment.method === "휴대폰" ? (
              <div className="space-y-1">
                <label htmlFor="phone" className="block text-sm font-semibold">
                  휴대폰 번호
                </label>
                <input
                  id="phone"
                  name="phone"
                  type="tel"
                  inputMode="numeric"
                  autoComplete="tel"
                  required
                  pattern="[0-9]{8,15}"
                  defaultValue={payment.customerMobilePhone ?? ""}
                  aria-describedby="phone-hint"
                  className={selectClass}
                />
                <p id="phone-hint" className="text-sm text-ink-soft">
                  숫자만 입력하세요. 인증 문자는 보내지 않아요.
                </p>
              </div>
            ) : null}
            {payment.method === "가상계좌" ? (
              <>
                <div className="space-y-1">
                  <label htmlFor="bank" className="block text-sm font-semibold">
                    입금 은행
                  </label>
                  <select id="bank" name="bank" defaultValue={DEFAULT_BANK_CODE} className={selectClass}>
                    {BANKS.map((b) => (
                      <option key={b.code} value={b.code}>
                        {b.name}
                      </option>
                    ))}
                  </select>
                </div>
                <p className="text-sm text-ink-soft">
                  결제 승인 후 X로 시작하는 테스트 가상계좌가 발급되고, 입금 기한은 7일이에요. 입금은 샌드박스 콘솔의
                  「입금 처리」로 해요.
                </p>
              </>
            ) : null}
            {payment.method === "간편결제" ? (
              <p className="text-sm text-ink-soft">{payment.easyPayProvider ?? "토스페이"} 앱 인증을 마친 것으로 처리해요.</p>
            ) : null}
            <p className="text-sm text-ink-soft">
              이 결제창은 {kstTime(new Date(payment.requestedAt.getTime() + PAYMENT_WINDOW_MS))}까지 유효해요.
            </p>
            <div className="grid gap-2">
              <button
                type="submit"
                name="intent"
                value="approve"
                className="inline-flex min-h-12 items-center justify-center rounded-xl bg-brand-600 px-6 font-semibold text-white hover:bg-brand-700"
              >
                결제 승인
              </button>
              <button
                type="submit"
                name="intent"
                value="cancel"
                className="inline-flex min-h-12 items-center justify-center rounded-xl bg-gray-100 px-6 font-semibold text-ink hover:bg-gray-200"
              >
                결제 취소
              </button>
            </div>
          </form>

          <form method="post" action={action} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
            <input type="hidden" name="intent" value="fail" />
            <div className="space-y-1">
              <label htmlFor="failure-code" className="block text-sm font-semibold">
                실패 시나리오
              </label>
              <select id="failure-code" name="code" defaultValue="REJECT_CARD_COMPANY" className={selectClass}>
                {FAILURE_CHOICES.map(([code, message]) => (
                  <option key={code} value={code}>
                    {code} · {message}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className="inline-flex min-h-12 w-full items-center justify-center rounded-xl border border-red-200 px-6 font-semibold text-red-700 hover:bg-red-50"
            >
              실패 처리
            </button>
          </form>
        </>
      ) : (
        <p role="status" className="rounded-xl bg-white px-4 py-3 text-sm shadow-sm ring-1 ring-gray-200">
          {payment.status === "EXPIRED"
            ? "결제 시간이 만료되었어요. 상점에서 처음부터 다시 결제해주세요."
            : payment.status === "IN_PROGRESS"
              ? "인증을 마친 결제예요. 상점의 결제 승인을 기다리고 있어요."
              : `이미 처리된 결제예요 (${payment.status}).`}
        </p>
      )}
    </section>
  );
}
