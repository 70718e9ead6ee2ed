import type { Metadata } from "next";
import Link from "next/link";
import { CreditLedger } from "@/components/credits/credit-ledger";
import { PremiumGenerationForm } from "@/components/credits/premium-generation-form";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getCredits } from "@/lib/credits/get-credits";

export const metadata: Metadata = { title: "내 크레딧" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const { balance, entries } = await getCredits(user.id);
  return (
    <div className="space-y-6">
      <div className="flex items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">내 크레딧</h1>
        <Link href="/orders" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
          주문 내역
        </Link>
      </div>

      <section aria-labelledby="balance-title" className="flex items-center justify-between gap-4 rounded-2xl bg-brand-600 p-5 text-white shadow-sm sm:p-6">
        <div>
          <h2 id="balance-title" className="text-sm font-medium text-brand-50">
            보유 크레딧
          </h2>
          <p className="mt-1 text-3xl font-bold tabular-nums" data-testid="credit-balance">
            {balance}개
          </p>
        </div>
        <ButtonLink href="/pricing" variant="secondary" className="shrink-0">
          충전하기
        </ButtonLink>
      </section>

      <section aria-labelledby="premium-title" className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
        <div className="space-y-1">
          <h2 id="premium-title" className="font-bold">
            프리미엄 생성
          </h2>
          <p className="text-sm text-ink-soft">주제를 입력하면 크레딧 1개로 프리미엄 기획안을 만들어요.</p>
        </div>
        <PremiumGenerationForm />
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
