import type { Metadata } from "next";
import { PurchaseRules } from "@/components/checkout/purchase-rules";
import { PackCard } from "@/components/pricing/pack-card";
import { FlashToast } from "@/components/ui/flash-toast";
import { listActiveProducts } from "@/lib/catalog/get-products";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "요금제" };

export default async function PricingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [products, params] = await Promise.all([listActiveProducts(), searchParams]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">크레딧 팩</h1>
        <p className="text-ink-soft">크레딧 1개로 프리미엄 생성을 한 번 할 수 있어요. 필요한 만큼 골라 주세요.</p>
      </div>
      {products.length ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {products.map((product) => (
            <PackCard key={product.code} product={product} refundWindowDays={env.refundWindowDays} creditValidityMonths={env.creditValidityMonths} />
          ))}
        </div>
      ) : (
        <p className="rounded-2xl bg-white p-6 text-ink-soft ring-1 ring-gray-200">지금은 판매 중인 크레딧 팩이 없어요.</p>
      )}
      <PurchaseRules refundWindowDays={env.refundWindowDays} creditValidityMonths={env.creditValidityMonths} />
      <p className="text-sm leading-relaxed text-ink-soft">결제는 토스페이먼츠로 안전하게 처리돼요.</p>
      <FlashToast param="canceled" message={params.canceled === "1" ? "결제를 취소했어요." : null} />
    </div>
  );
}
