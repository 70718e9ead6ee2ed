import type { Metadata } from "next";
import Link from "next/link";
import { AutoChargeSection } from "@/components/billing/auto-charge-section";
import { CreditBalance } from "@/components/credits/credit-balance";
import { CreditLedger } from "@/components/credits/credit-ledger";
import { CreditLots } from "@/components/credits/credit-lots";
import { PremiumGenerationForm } from "@/components/credits/premium-generation-form";
import { NoticeList } from "@/components/notices/notice-list";
import { requireUser } from "@/lib/auth/session";
import { getCredits } from "@/lib/credits/get-credits";
import { db } from "@/lib/db";
import { unreadNotices } from "@/lib/notices/notices";

export const metadata: Metadata = { title: "내 크레딧" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [{ balance, held, nextExpiry, lots, entries }, { customerKey }, notices] = await Promise.all([
    getCredits(user.id),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { customerKey: true } }),
    unreadNotices(user.id),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">내 크레딧</h1>
        <Link href="/orders" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
          주문 내역
        </Link>
      </div>

      <NoticeList notices={notices} />

      <CreditBalance balance={balance} held={held} nextExpiry={nextExpiry} now={new Date()} />

      <AutoChargeSection userId={user.id} customerKey={customerKey} />

      <section aria-labelledby="premium-title" className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
        <div className="space-y-1">
          <h2 id="premium-title" className="font-bold">
            프리미엄 생성
          </h2>
          <p className="text-sm text-ink-soft">주제를 입력하면 크레딧 1개로 프리미엄 기획안을 만들어요.</p>
        </div>
        <PremiumGenerationForm />
      </section>

      <section aria-labelledby="lots-title" className="space-y-3">
        <div className="space-y-1">
          <h2 id="lots-title" className="font-bold">
            크레딧 묶음
          </h2>
          <p className="text-sm text-ink-soft">보너스 크레딧부터, 그다음 유효기간이 먼저 끝나는 묶음부터 사용돼요.</p>
        </div>
        <CreditLots lots={lots} />
      </section>

      <section aria-labelledby="ledger-title" className="space-y-3">
        <h2 id="ledger-title" className="font-bold">
          크레딧 내역
        </h2>
        <CreditLedger entries={entries} />
      </section>
    </div>
  );
}
