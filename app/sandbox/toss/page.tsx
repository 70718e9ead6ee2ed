import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/toss-sandbox/action-button";
import { ConsoleLocked } from "@/components/toss-sandbox/console-locked";
import { DeliveriesTable } from "@/components/toss-sandbox/deliveries-table";
import { MerchantSettingsForm } from "@/components/toss-sandbox/merchant-settings-form";
import { PaymentsTable } from "@/components/toss-sandbox/payments-table";
import { env } from "@/lib/env";
import { consoleAccess } from "@/lib/toss-sandbox/console/access";
import { listDeliveries, listPayments } from "@/lib/toss-sandbox/console/queries";
import { MERCHANT_ID_PATTERN } from "@/lib/toss-sandbox/keys";
import { getMerchantSettings, knownMerchantIds } from "@/lib/toss-sandbox/merchants";
import { pumpSoon } from "@/lib/toss-sandbox/webhooks/pump";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "토스페이먼츠 샌드박스 콘솔", robots: { index: false } };

type Search = { merchant?: string; q?: string; notice?: string; error?: string };

/** The console's own filters (not its notices), kept across the token form. */
function lockedQuery(search: Search): string {
  const query = new URLSearchParams();
  if (search.merchant) query.set("merchant", search.merchant);
  if (search.q) query.set("q", search.q);
  return query.size ? `?${query}` : "";
}

// The sandbox's console: payments and webhook deliveries, and the actions Toss's test environment
// cannot do on demand. The same actions are `npm run toss -- <action> …`.
export default async function SandboxConsolePage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const access = await consoleAccess();
  if (!access.open) {
    return (
      <ConsoleLocked
        tokenConfigured={Boolean(env.sandbox.consoleToken)}
        testersConfigured={env.sandbox.testerEmails.length > 0}
        error={search.error}
        returnTo={`/sandbox/toss${lockedQuery(search)}`}
      />
    );
  }
  const merchantFilter = search.merchant && MERCHANT_ID_PATTERN.test(search.merchant) ? search.merchant : undefined;
  const q = search.q?.trim() || undefined;
  const [payments, deliveries, merchants, settings] = await Promise.all([
    listPayments({ merchantId: merchantFilter, q }),
    listDeliveries({ merchantId: merchantFilter, q }),
    knownMerchantIds(),
    getMerchantSettings(merchantFilter ?? "docs"),
  ]);
  // Visiting the console also sends webhook retries that have come due (serverless has no timer).
  pumpSoon();

  const query = new URLSearchParams();
  if (merchantFilter) query.set("merchant", merchantFilter);
  if (q) query.set("q", q);
  const returnTo = `/sandbox/toss${query.size ? `?${query}` : ""}`;

  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">샌드박스 콘솔</h1>
        <p className="text-sm text-ink-soft">
          샌드박스 결제와 웹훅 전송 기록이에요. 가상계좌 입금, 만료, 상점 취소, 웹훅 재전송·중복·순서 뒤바꿈을 여기서 해요.
        </p>
        <p className="text-sm">
          <Link href="/sandbox/toss/billing" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            빌링키 (자동결제) →
          </Link>
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
          <select name="merchant" defaultValue={merchantFilter ?? ""} className="min-h-11 rounded-xl border border-gray-300 bg-white px-3 text-sm">
            <option value="">전체</option>
            {merchants.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-0 flex-1 space-y-1">
          <span className="block text-sm font-semibold">주문번호 · paymentKey</span>
          <input name="q" defaultValue={q ?? ""} className="block min-h-11 w-full rounded-xl border border-gray-300 bg-white px-3 text-sm" />
        </label>
        <button type="submit" className="min-h-11 rounded-xl bg-gray-100 px-4 text-sm font-semibold hover:bg-gray-200">
          보기
        </button>
      </form>

      <section className="space-y-3" aria-labelledby="settings-title">
        <h2 id="settings-title" className="text-lg font-bold">
          상점 설정 · {settings.id}
        </h2>
        <MerchantSettingsForm settings={settings} returnTo={returnTo} />
      </section>

      <section className="space-y-3" aria-labelledby="payments-title">
        <h2 id="payments-title" className="text-lg font-bold">
          결제
        </h2>
        <PaymentsTable payments={payments} returnTo={returnTo} />
      </section>

      <section className="space-y-3" aria-labelledby="deliveries-title">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="deliveries-title" className="text-lg font-bold">
            웹훅 전송
          </h2>
          <ActionButton action="/sandbox/toss/console/api/run-due" returnTo={returnTo}>
            재시도 대기 웹훅 지금 보내기
          </ActionButton>
        </div>
        <DeliveriesTable deliveries={deliveries} returnTo={returnTo} />
      </section>
    </div>
  );
}
