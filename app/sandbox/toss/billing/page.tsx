import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/toss-sandbox/action-button";
import { ConsoleLocked } from "@/components/toss-sandbox/console-locked";
import { kstTime } from "@/components/toss-sandbox/format";
import { env } from "@/lib/env";
import { cardCompanyOf } from "@/lib/toss-sandbox/banks";
import { consoleAccess } from "@/lib/toss-sandbox/console/access";
import { CARD_STATE_LABELS, CARD_STATES, listBillingKeys } from "@/lib/toss-sandbox/console/billing-keys";
import { BILLING_CHARGE_FAILURE_CODES, TOSS_ERRORS } from "@/lib/toss-sandbox/errors";
import { MERCHANT_ID_PATTERN } from "@/lib/toss-sandbox/keys";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "빌링키 · 토스페이먼츠 샌드박스 콘솔", robots: { index: false } };

type Search = { merchant?: string; q?: string; notice?: string; error?: string };

const API = "/sandbox/toss/console/api/billing-keys";
const fieldClass = "min-h-9 rounded-lg border border-gray-300 bg-white px-2 text-xs";

// The console's billing keys (자동결제): each key's card and state, and the switches Toss's test
// environment does not have — the next charge fails, the card is lost or stolen or expired, the key is
// removed. The same switches are `npm run toss -- billing-…`.
export default async function SandboxBillingKeysPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const access = await consoleAccess();
  if (!access.open) {
    return (
      <ConsoleLocked
        tokenConfigured={Boolean(env.sandbox.consoleToken)}
        testersConfigured={env.sandbox.testerEmails.length > 0}
        error={search.error}
        returnTo="/sandbox/toss/billing"
      />
    );
  }
  const merchantFilter = search.merchant && MERCHANT_ID_PATTERN.test(search.merchant) ? search.merchant : undefined;
  const q = search.q?.trim() || undefined;
  const keys = await listBillingKeys({ merchantId: merchantFilter, q });
  const query = new URLSearchParams();
  if (merchantFilter) query.set("merchant", merchantFilter);
  if (q) query.set("q", q);
  const returnTo = `/sandbox/toss/billing${query.size ? `?${query}` : ""}`;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/sandbox/toss" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            ← 샌드박스 콘솔
          </Link>
        </p>
        <h1 className="text-2xl font-bold">빌링키 (자동결제)</h1>
        <p className="text-sm text-ink-soft">
          카드 등록창으로 발급된 빌링키예요. 다음 자동결제를 실패시키거나, 카드를 분실·도난 또는 유효기간 만료 상태로 두거나(풀 때까지 모든
          결제가 실패해요), 빌링키를 삭제할 수 있어요. 빌링키로 한 결제는 콘솔의 결제 목록에 있어요.
        </p>
      </header>

      {search.notice ? (
        <p role="status" className="rounded-xl bg-green-50 px-4 py-3 text-sm text-green-900">
          {search.notice}
        </p>
      ) : null}
      {search.error ? (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
          {search.error}
        </p>
      ) : null}

      <form method="get" className="flex flex-wrap items-end gap-2">
        <label className="space-y-1">
          <span className="block text-sm font-semibold">상점</span>
          <input name="merchant" defaultValue={merchantFilter ?? ""} placeholder="docs, app, sbx_…" className="block min-h-11 rounded-xl border border-gray-300 bg-white px-3 text-sm" />
        </label>
        <label className="min-w-0 flex-1 space-y-1">
          <span className="block text-sm font-semibold">빌링키 · 고객키</span>
          <input name="q" defaultValue={q ?? ""} className="block min-h-11 w-full rounded-xl border border-gray-300 bg-white px-3 text-sm" />
        </label>
        <button type="submit" className="min-h-11 rounded-xl bg-gray-100 px-4 text-sm font-semibold hover:bg-gray-200">
          보기
        </button>
      </form>

      {keys.length === 0 ? (
        <p className="text-sm text-ink-soft">아직 빌링키가 없어요. SDK의 requestBillingAuth()로 카드를 등록하고 빌링키를 발급해 보세요.</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <caption className="sr-only">샌드박스 빌링키 목록</caption>
            <thead className="border-b border-gray-100 text-xs text-ink-soft">
              <tr>
                <th scope="col" className="px-3 py-2">빌링키 · 고객키</th>
                <th scope="col" className="px-3 py-2">카드</th>
                <th scope="col" className="px-3 py-2">상태</th>
                <th scope="col" className="px-3 py-2">다음 결제</th>
                <th scope="col" className="px-3 py-2">카드 상태 · 삭제</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {keys.map((k) => {
                const path = `${API}/${encodeURIComponent(k.billingKey)}`;
                return (
                  <tr key={k.id} className="align-top">
                    <td className="px-3 py-2">
                      <div className="break-all font-mono text-xs">{k.billingKey}</div>
                      <div className="break-all font-mono text-xs text-ink-soft">{k.customerKey}</div>
                      <div className="text-xs text-ink-soft">
                        {k.merchantId} · {kstTime(k.createdAt)}
                      </div>
                    </td>
                    <td className="px-3 py-2">
                      <div>{cardCompanyOf(k.cardIssuerCode)}</div>
                      <div className="font-mono text-xs text-ink-soft">{k.cardNumber}</div>
                    </td>
                    <td className="px-3 py-2">
                      {k.deletedAt ? (
                        <span className="font-semibold text-ink-soft">삭제됨 ({kstTime(k.deletedAt)})</span>
                      ) : (
                        <span className={k.cardState === "NORMAL" ? "font-semibold text-green-800" : "font-semibold text-red-700"}>
                          {CARD_STATE_LABELS[k.cardState]}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {k.nextChargeErrorCode ? <div className="mb-1 font-mono text-xs text-red-700">실패 예정: {k.nextChargeErrorCode}</div> : null}
                      {k.deletedAt ? null : (
                        <form method="post" action={`${path}/next-charge`} className="flex flex-wrap items-center gap-1">
                          <input type="hidden" name="returnTo" value={returnTo} />
                          <label className="sr-only" htmlFor={`next-${k.id}`}>
                            다음 결제 실패 코드
                          </label>
                          <select id={`next-${k.id}`} name="nextCharge" defaultValue="REJECT_CARD_PAYMENT" className={fieldClass}>
                            {BILLING_CHARGE_FAILURE_CODES.map((code) => (
                              <option key={code} value={code} title={TOSS_ERRORS[code].message}>
                                {code}
                              </option>
                            ))}
                            <option value="none">정상 (실패 예정 해제)</option>
                          </select>
                          <button type="submit" className="min-h-9 rounded-lg px-2.5 text-xs font-semibold text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-50">
                            다음 결제에 적용
                          </button>
                        </form>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {k.deletedAt ? null : (
                        <div className="flex flex-wrap gap-1">
                          {CARD_STATES.filter((state) => state !== k.cardState).map((state) => (
                            <ActionButton key={state} action={`${path}/card-state`} returnTo={returnTo} fields={{ cardState: state }}>
                              {state === "NORMAL" ? "정상으로" : CARD_STATE_LABELS[state]}
                            </ActionButton>
                          ))}
                          <ActionButton action={`${path}/remove`} returnTo={returnTo} tone="danger">
                            삭제
                          </ActionButton>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
