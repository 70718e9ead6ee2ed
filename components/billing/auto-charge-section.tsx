// 자동충전 on the account page: the saved card (masked), the monthly plan (pack, day, next charge, or why
// it stopped), and the ways to start, pause, end it and remove the card. Server-rendered; the buttons are
// small client islands (card registration loads Toss's SDK only when pressed).
import Link from "next/link";
import { CardRegisterButton } from "@/components/billing/card-register-button";
import { PlanControls } from "@/components/billing/plan-controls";
import { PlanForm } from "@/components/billing/plan-form";
import { TopUpForm } from "@/components/billing/top-up-form";
import { TopUpStopButton } from "@/components/billing/top-up-stop-button";
import { BILLING_AGREEMENT_VERSION } from "@/lib/billing/agreement";
import { getActiveCard } from "@/lib/billing/cards";
import { planPaidThisMonth } from "@/lib/billing/plan";
import { OPERATOR_DISABLED_CODE } from "@/lib/billing/stopped-by-operator";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDateTime, formatWon } from "@/lib/format";
import { kstDay } from "@/lib/kst";

const PLAN_STATUS_LABELS = { ACTIVE: "사용 중", PAUSED: "멈춤", DISABLED: "중지됨", CANCELED: "해지됨" } as const;

export async function AutoChargeSection({ userId, customerKey }: { userId: string; customerKey: string }) {
  const billing = env.tossBilling;
  const [card, plan, topUp, packs, charges, paidThisMonth] = await Promise.all([
    getActiveCard(userId),
    db.creditPlan.findUnique({ where: { userId }, include: { product: { select: { name: true } } } }),
    env.autoTopUp.enabled ? db.autoTopUp.findUnique({ where: { userId }, include: { product: { select: { name: true } } } }) : null,
    db.product.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { code: true, name: true, price: true, credits: true } }),
    db.order.findMany({
      where: { userId, kind: { in: ["PLAN", "TOP_UP"] } },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { orderId: true, kind: true, orderName: true, amount: true, status: true, failureMessage: true, createdAt: true },
    }),
    planPaidThisMonth(userId),
  ]);
  // The SDK's script: the sandbox's in sandbox mode, else Toss's own (v1's is a plain script).
  const sdk = env.tossBillingSdk;
  const scriptSrc =
    env.toss.mode === "sandbox"
      ? `${env.appUrl}/sandbox/toss/${sdk === "v1" ? "v1/payment" : "v2/standard"}`
      : sdk === "v1"
        ? "https://js.tosspayments.com/v1/payment"
        : undefined;
  const planRunning = plan && (plan.status === "ACTIVE" || plan.status === "PAUSED");
  return (
    <section aria-labelledby="auto-charge-title" className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
      <div className="space-y-1">
        <h2 id="auto-charge-title" className="font-bold">
          자동충전 (정기 충전)
        </h2>
        <p className="text-sm text-ink-soft">카드를 등록하면 고른 팩을 매월 같은 날 자동으로 결제하고 크레딧을 지급해요.</p>
      </div>

      {!billing ? (
        <p className="text-sm text-ink-soft">지금은 자동충전을 사용할 수 없어요.</p>
      ) : card ? (
        <div className="space-y-2">
          <p className="text-sm" data-testid="saved-card">
            등록된 카드: <span className="font-semibold">{card.cardCompany ?? "카드"}</span> <span className="font-mono tabular-nums">{card.cardNumber}</span>
          </p>
          <details className="text-sm">
            <summary className="min-h-11 cursor-pointer content-center font-semibold text-brand-700">다른 카드로 바꾸기</summary>
            <div className="space-y-2 pt-2">
              <p className="text-ink-soft">새 카드를 등록하면 지금 카드는 삭제되고, 정기 충전과 자동충전은 새 카드로 이어져요.</p>
              <CardRegisterButton sdk={sdk} clientKey={billing.clientKey} customerKey={customerKey} scriptSrc={scriptSrc} label="새 카드 등록하기" variant="secondary" />
            </div>
          </details>
        </div>
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-ink-soft" data-testid="before-registration">
            카드를 등록하는 것만으로는 결제되지 않아요.{" "}
            {env.autoTopUp.enabled
              ? "정기 충전이나 자동충전을 시작할 때 결제할 팩과 금액, 결제일이나 기준 잔액을 확인하고 동의한 뒤에만 결제되고,"
              : "정기 충전을 시작할 때 결제할 팩과 금액, 결제일을 확인하고 동의한 뒤에만 결제되고,"}{" "}
            언제든 멈추거나 카드를 삭제할 수 있어요.
          </p>
          <CardRegisterButton sdk={sdk} clientKey={billing.clientKey} customerKey={customerKey} scriptSrc={scriptSrc} label="카드 등록하기" />
        </div>
      )}

      {plan ? (
        <div className="space-y-1 text-sm" data-testid="credit-plan">
          <p>
            정기 충전: <span className="font-semibold">{plan.product.name}</span> · 매월 {plan.chargeDay}일 ·{" "}
            <span className="font-semibold">{PLAN_STATUS_LABELS[plan.status]}</span>
          </p>
          {plan.status === "ACTIVE" ? (
            <p className="text-ink-soft">
              다음 결제: <time dateTime={plan.nextChargeAt.toISOString()}>{kstDay(plan.nextChargeAt)}</time>
            </p>
          ) : null}
          {plan.status === "DISABLED" && plan.failureMessage ? (
            <p role="alert" className="text-red-700">
              {plan.failureCode === OPERATOR_DISABLED_CODE ? "정기 충전이 멈췄어요" : "결제가 거절되어 정기 충전이 멈췄어요"}: {plan.failureMessage} ({formatDateTime(plan.updatedAt.toISOString())})
            </p>
          ) : null}
        </div>
      ) : null}

      {billing && card && !planRunning ? (
        <PlanForm
          packs={packs}
          defaultDay={Math.min(28, Number(kstDay(new Date()).slice(8, 10)))}
          agreementVersion={BILLING_AGREEMENT_VERSION}
          sellerName={env.business.name}
          paidThisMonth={paidThisMonth}
          emailNotices={env.mail !== null}
        />
      ) : null}
      {billing && card && planRunning && plan ? (
        <details className="text-sm">
          <summary className="min-h-11 cursor-pointer content-center font-semibold text-brand-700">정기 충전 바꾸기 (팩, 결제일)</summary>
          <div className="pt-2">
            <PlanForm
              mode="change"
              packs={packs}
              defaultCode={plan.productCode}
              defaultDay={plan.chargeDay}
              agreementVersion={BILLING_AGREEMENT_VERSION}
              sellerName={env.business.name}
              paidThisMonth={paidThisMonth}
              emailNotices={env.mail !== null}
            />
          </div>
        </details>
      ) : null}
      {card || planRunning ? <PlanControls status={plan?.status ?? null} hasCard={Boolean(card)} /> : null}

      {env.autoTopUp.enabled && topUp && topUp.status !== "CANCELED" ? (
        <div className="space-y-2 text-sm" data-testid="auto-top-up">
          <p>
            잔액 기준 자동충전: 잔액이 {topUp.thresholdCredits}크레딧 아래로 내려가면 <span className="font-semibold">{topUp.product.name}</span> 자동 구매 ·{" "}
            <span className="font-semibold">{PLAN_STATUS_LABELS[topUp.status]}</span>
          </p>
          {topUp.status === "DISABLED" && topUp.failureMessage ? (
            <p role="alert" className="text-red-700">
              {topUp.failureCode === OPERATOR_DISABLED_CODE ? "자동충전이 꺼졌어요" : "결제가 거절되어 자동충전이 꺼졌어요"}: {topUp.failureMessage}
            </p>
          ) : null}
          <TopUpStopButton />
          {card && topUp.status === "ACTIVE" ? (
            <details>
              <summary className="min-h-11 cursor-pointer content-center font-semibold text-brand-700">자동충전 바꾸기 (기준, 팩)</summary>
              <div className="pt-2">
                <TopUpForm
                  mode="change"
                  packs={packs}
                  defaults={{ code: topUp.productCode, threshold: topUp.thresholdCredits }}
                  agreementVersion={BILLING_AGREEMENT_VERSION}
                  sellerName={env.business.name}
                  dailyCap={env.autoTopUp.dailyCap}
                />
              </div>
            </details>
          ) : null}
        </div>
      ) : null}
      {env.autoTopUp.enabled && card && (!topUp || topUp.status === "CANCELED" || topUp.status === "DISABLED") ? (
        <TopUpForm packs={packs} agreementVersion={BILLING_AGREEMENT_VERSION} sellerName={env.business.name} dailyCap={env.autoTopUp.dailyCap} />
      ) : null}

      {charges.length ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">최근 자동 결제</h3>
          <ul className="divide-y divide-gray-100 text-sm" data-testid="automatic-charges">
            {charges.map((charge) => (
              <li key={charge.orderId} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
                <Link href={`/orders/${charge.orderId}`} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
                  {charge.kind === "PLAN" ? "정기 충전" : "자동충전"} · {charge.orderName}
                </Link>
                <span className="tabular-nums">{formatWon(charge.amount)}</span>
                <span className="w-full text-ink-soft">
                  {formatDateTime(charge.createdAt.toISOString())} · {chargeState(charge)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function chargeState(charge: { status: string; failureMessage: string | null }): string {
  if (charge.status === "PAID") return "결제 완료";
  if (charge.status === "PARTIAL_CANCELED") return "부분 환불";
  if (charge.status === "CANCELED") return "환불됨";
  if (charge.failureMessage) return `결제 거절: ${charge.failureMessage}`;
  if (charge.status === "PENDING") return "결제 확인 중";
  return "결제되지 않음";
}
