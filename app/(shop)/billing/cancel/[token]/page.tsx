// The one-click cancel of a monthly credit plan (정기 충전 해지), linked from each "charge coming" notice and
// e-mail (lib/billing/cancel-link.ts). No sign-in: the link's signature names the buyer and the plan. The
// page shows what the plan charges and when, and one button ends it; opening the link changes nothing (mail
// scanners open links), pressing the button does.
import type { Metadata } from "next";
import { PlanLinkCancelButton } from "@/components/billing/plan-link-cancel-button";
import { ButtonLink } from "@/components/ui/button";
import { planFromLink } from "@/lib/billing/plan";
import { kstDay } from "@/lib/kst";

export const metadata: Metadata = { title: "정기 충전 해지", robots: { index: false, follow: false } };

export default async function PlanCancelPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await planFromLink(decodeURIComponent(token));
  if (found.state !== "open") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{found.state === "gone" ? "해지된 정기 충전이에요" : "해지 링크가 올바르지 않아요"}</h1>
        <p className="text-ink-soft">
          {found.state === "gone"
            ? "이 정기 충전은 더 이상 결제되지 않아요."
            : "메일의 링크를 다시 확인하거나, 로그인한 뒤 내 크레딧 화면에서 정기 충전을 해지해 주세요."}
        </p>
        <ButtonLink href="/account">내 크레딧으로 가기</ButtonLink>
      </div>
    );
  }
  const { plan } = found;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">정기 충전을 해지할까요?</h1>
      <dl className="space-y-1 rounded-2xl bg-white p-5 text-sm shadow-sm ring-1 ring-gray-200">
        <div className="flex gap-2">
          <dt className="text-ink-soft">상품</dt>
          <dd className="font-semibold">
            {plan.product.name} ({plan.product.credits}크레딧, {plan.product.price.toLocaleString("ko-KR")}원)
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-ink-soft">결제일</dt>
          <dd>매월 {plan.chargeDay}일</dd>
        </div>
        {plan.status === "ACTIVE" ? (
          <div className="flex gap-2">
            <dt className="text-ink-soft">다음 결제</dt>
            <dd>
              <time dateTime={plan.nextChargeAt.toISOString()}>{kstDay(plan.nextChargeAt)}</time>
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="text-sm text-ink-soft">해지하면 다음 결제일부터 결제되지 않아요. 이미 지급된 크레딧은 그대로 남아요.</p>
      <PlanLinkCancelButton token={decodeURIComponent(token)} />
    </div>
  );
}
