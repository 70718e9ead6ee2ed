import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { BuyerAutoCharge } from "@/lib/admin/get-buyer-auto-charge";
import { formatDateTime } from "@/lib/format";
import { kstDay } from "@/lib/kst";
import { AutoChargeStop } from "./auto-charge-stop";

type Status = NonNullable<BuyerAutoCharge["plan"]>["status"];

const STATUS: Record<Status, { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: "사용 중", tone: "green" },
  PAUSED: { label: "멈춤(구매자)", tone: "gray" },
  DISABLED: { label: "중지됨", tone: "red" },
  CANCELED: { label: "해지됨(구매자)", tone: "gray" },
};

const running = (status: Status) => status === "ACTIVE" || status === "PAUSED";

function Stopped({ what }: { what: { status: Status; failureCode: string | null; failureMessage: string | null; updatedAt: string } }) {
  if (what.status !== "DISABLED") return null;
  return (
    <p className="text-sm text-red-700">
      중지 사유: {what.failureMessage ?? "—"}
      {what.failureCode ? <span className="ml-1 font-mono text-xs">({what.failureCode})</span> : null} · {formatDateTime(what.updatedAt)}
    </p>
  );
}

/**
 * The buyer's automatic purchases: the saved card as Toss masked it (never its billing key: it is not
 * even loaded), the monthly plan and the threshold top-up with their state, and the operator's switches.
 */
export function BuyerAutoChargeView({ orderId, autoCharge }: { orderId: string; autoCharge: BuyerAutoCharge }) {
  const { card, plan, topUp } = autoCharge;
  return (
    <div className="space-y-4">
      <p className="text-sm" data-testid="buyer-card">
        등록된 카드:{" "}
        {card ? (
          <>
            <span className="font-semibold">{card.cardCompany ?? "카드"}</span> <span className="font-mono tabular-nums">{card.cardNumber ?? ""}</span>
            {card.cardType ? <span className="text-ink-soft"> ({card.cardType})</span> : null}
            <span className="text-ink-soft"> · {formatDateTime(card.createdAt)} 등록</span>
          </>
        ) : (
          <span className="text-ink-soft">없음</span>
        )}
      </p>

      <div className="space-y-2 rounded-xl p-4 ring-1 ring-gray-200" data-testid="buyer-plan">
        <h3 className="flex flex-wrap items-center gap-2 font-semibold">
          정기 충전 {plan ? <Badge tone={STATUS[plan.status].tone}>{STATUS[plan.status].label}</Badge> : null}
        </h3>
        {plan ? (
          <>
            <p className="text-sm">
              {plan.productName} · 매월 {plan.chargeDay}일
              {plan.status === "ACTIVE" ? (
                <>
                  {" "}
                  · 다음 결제 <time dateTime={plan.nextChargeAt}>{kstDay(new Date(plan.nextChargeAt))}</time>
                </>
              ) : null}
            </p>
            <Stopped what={plan} />
          </>
        ) : (
          <p className="text-sm text-ink-soft">설정하지 않았어요.</p>
        )}
        {plan ? <AutoChargeStop orderId={orderId} target="PLAN" running={running(plan.status)} /> : null}
      </div>

      <div className="space-y-2 rounded-xl p-4 ring-1 ring-gray-200" data-testid="buyer-top-up">
        <h3 className="flex flex-wrap items-center gap-2 font-semibold">
          잔액 기준 자동충전 {topUp ? <Badge tone={STATUS[topUp.status].tone}>{STATUS[topUp.status].label}</Badge> : null}
        </h3>
        {topUp ? (
          <>
            <p className="text-sm">
              잔액이 {topUp.thresholdCredits}크레딧 아래로 내려가면 {topUp.productName} 자동 구매
            </p>
            {!autoCharge.topUpEnabled ? <p className="text-sm text-ink-soft">이 상점에서 자동충전 기능이 꺼져 있어 결제되지 않아요.</p> : null}
            <Stopped what={topUp} />
          </>
        ) : (
          <p className="text-sm text-ink-soft">설정하지 않았어요.</p>
        )}
        {topUp ? <AutoChargeStop orderId={orderId} target="TOP_UP" running={running(topUp.status)} /> : null}
      </div>
    </div>
  );
}
