import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { kstTime } from "@/components/toss-sandbox/format";
import { db } from "@/lib/db";
import { CARD_COMPANIES, DEFAULT_CARD_COMPANY } from "@/lib/toss-sandbox/banks";
import { billingWindowClosed, BILLING_WINDOW_MS } from "@/lib/toss-sandbox/billing/windows";
import { BILLING_WINDOW_FAILURES } from "@/lib/toss-sandbox/errors";
import { mIdOf } from "@/lib/toss-sandbox/keys";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "토스페이먼츠 카드 등록 (샌드박스)", robots: { index: false } };

const FAILURE_CHOICES = Object.entries(BILLING_WINDOW_FAILURES).filter(([code]) => code !== "PAY_PROCESS_CANCELED");

const fieldClass = "block min-h-12 w-full rounded-xl border border-gray-300 bg-white px-3 text-base";
const secondaryButton = "inline-flex min-h-12 items-center justify-center rounded-xl bg-gray-100 px-6 font-semibold text-ink hover:bg-gray-200";

/** "43301234****123*" as the window shows it: "4330-1234-****-123*". */
const grouped = (masked: string) => masked.replace(/(.{4})(?=.)/g, "$1-");

// The card registration window requestBillingAuth() opens (자동결제 등록): the buyer picks a card company;
// nothing sensitive is typed, a test card is prefilled. 등록 hands successUrl a one-time authKey.
export default async function SandboxBillingAuthPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const [{ id }, { error }] = await Promise.all([params, searchParams]);
  const auth = await db.sandboxBillingAuth.findUnique({ where: { id } });
  if (!auth) notFound();
  const action = `/sandbox/toss/billing-auth/${auth.id}/submit`;
  const closed = billingWindowClosed(auth, new Date());

  return (
    <section className="mx-auto max-w-md space-y-5" aria-labelledby="billing-title">
      <h1 id="billing-title" className="text-xl font-bold">
        토스페이먼츠 카드 등록
      </h1>
      <dl className="divide-y divide-gray-100 rounded-2xl bg-white px-4 shadow-sm ring-1 ring-gray-200">
        {[
          ["상점", mIdOf(auth.merchantId)],
          ["결제 수단", "카드 자동결제"],
          ["구매자", auth.customerName ?? auth.customerKey],
        ].map(([term, value]) => (
          <div key={term} className="flex justify-between gap-4 py-3 text-sm">
            <dt className="text-ink-soft">{term}</dt>
            <dd className="break-all text-right font-medium">{value}</dd>
          </div>
        ))}
      </dl>

      {error ? (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}

      {auth.status === "READY" && !closed ? (
        <>
          <form method="post" action={action} className="space-y-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
            <div className="space-y-1">
              <label htmlFor="card" className="block text-sm font-semibold">
                카드사
              </label>
              <select id="card" name="card" defaultValue={DEFAULT_CARD_COMPANY} className={fieldClass}>
                {CARD_COMPANIES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="card-number" className="block text-sm font-semibold">
                카드 번호
              </label>
              <input
                id="card-number"
                readOnly
                value={grouped(auth.cardNumber)}
                aria-describedby="card-number-hint"
                className={`${fieldClass} bg-gray-50 font-mono text-ink-soft`}
              />
              <p id="card-number-hint" className="text-sm text-ink-soft">
                샌드박스의 테스트 카드({auth.cardType} · {auth.ownerType})예요. 카드 번호, 유효기간, 비밀번호는 입력하지 않아요.
              </p>
            </div>
            <p className="text-sm text-ink-soft">
              등록하면 이 상점이 다음 결제부터 이 카드로 자동결제해요. 이 등록창은{" "}
              {kstTime(new Date(auth.requestedAt.getTime() + BILLING_WINDOW_MS))}까지 유효해요.
            </p>
            <div className="grid gap-2">
              <button
                type="submit"
                name="intent"
                value="register"
                className="inline-flex min-h-12 items-center justify-center rounded-xl bg-brand-600 px-6 font-semibold text-white hover:bg-brand-700"
              >
                카드 등록
              </button>
              <button type="submit" name="intent" value="cancel" className={secondaryButton}>
                닫기
              </button>
            </div>
          </form>

          <form method="post" action={action} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
            <input type="hidden" name="intent" value="fail" />
            <div className="space-y-1">
              <label htmlFor="failure-code" className="block text-sm font-semibold">
                실패 시나리오
              </label>
              <select id="failure-code" name="code" defaultValue="REJECT_CARD_COMPANY" className={fieldClass}>
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
        <div className="space-y-3">
          <p role="status" className="rounded-xl bg-white px-4 py-3 text-sm shadow-sm ring-1 ring-gray-200">
            {auth.status === "READY"
              ? "카드 등록 시간이 만료되었어요. 상점에서 처음부터 다시 등록해주세요."
              : auth.status === "AUTHENTICATED"
                ? "카드 등록을 마쳤어요. 상점이 빌링키를 발급하기를 기다리고 있어요."
                : "이미 빌링키가 발급된 카드 등록이에요."}
          </p>
          {auth.status === "READY" ? (
            <form method="post" action={action}>
              <button type="submit" name="intent" value="cancel" className={`${secondaryButton} w-full`}>
                닫기
              </button>
            </form>
          ) : null}
        </div>
      )}
    </section>
  );
}
