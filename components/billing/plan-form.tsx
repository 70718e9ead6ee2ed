"use client";
// Choosing the monthly plan: the pack, the day, and the billing agreement (what is charged, when, by whom,
// how to stop), whose version is sent with the form and stored with the plan.
import { useActionState, useState } from "react";
import { startPlanAction } from "@/actions/billing";
import { billingAgreementText } from "@/lib/billing/agreement";
import { Button } from "@/components/ui/button";

interface PlanFormProps {
  packs: { code: string; name: string; price: number; credits: number }[];
  defaultDay: number;
  agreementVersion: string;
  /** who charges the card: the business's name (상호) */
  sellerName: string;
  /** "change": the buyer's running plan is replaced by this one (a new agreement) */
  mode?: "start" | "change";
  /** a plan charge was already paid this Seoul month: the next is next month's */
  paidThisMonth?: boolean;
  defaultCode?: string;
  /** the shop sends notices by e-mail too (SMTP_URL): the agreement says so only then */
  emailNotices?: boolean;
}

function won(n: number) {
  return `${n.toLocaleString("ko-KR")}원`;
}

export function PlanForm({ packs, defaultDay, agreementVersion, sellerName, mode = "start", paidThisMonth = false, defaultCode, emailNotices = false }: PlanFormProps) {
  const [state, action, pending] = useActionState(startPlanAction, null);
  const [code, setCode] = useState(defaultCode ?? packs[0]?.code ?? "");
  const [day, setDay] = useState(defaultDay);
  const pack = packs.find((p) => p.code === code) ?? packs[0];
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4" aria-label={mode === "change" ? "정기 충전 변경" : "정기 충전"}>
      <input type="hidden" name="agreementVersion" value={agreementVersion} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">매월 충전할 팩</legend>
        {packs.map((p) => (
          <label key={p.code} className="flex min-h-11 items-center gap-3 rounded-xl px-3 ring-1 ring-gray-200 has-checked:ring-2 has-checked:ring-brand-600">
            <input type="radio" name="productCode" value={p.code} checked={code === p.code} onChange={() => setCode(p.code)} />
            <span className="flex-1">{p.name}</span>
            <span className="text-sm tabular-nums text-ink-soft">
              {p.credits}크레딧 · {won(p.price)}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="plan-day" className="text-sm font-semibold">
          매월 결제일
        </label>
        <select
          id="plan-day"
          name="chargeDay"
          value={day}
          onChange={(e) => setDay(Number(e.target.value))}
          className="block min-h-11 w-full rounded-xl px-3 ring-1 ring-gray-300 sm:w-40"
        >
          {Array.from({ length: 28 }, (_, i) => i + 1).map((d) => (
            <option key={d} value={d}>
              {d}일
            </option>
          ))}
        </select>
      </div>
      {pack ? (
        <div className="space-y-2 rounded-xl bg-gray-50 p-4 text-sm" aria-labelledby={`agreement-title-${mode}`}>
          <h3 id={`agreement-title-${mode}`} className="font-semibold">
            자동결제 이용 동의
          </h3>
          <ul className="list-disc space-y-1 pl-5 text-ink-soft" data-testid="billing-agreement">
            {billingAgreementText({ sellerName, packName: pack.name, price: pack.price, chargeDay: day, firstNow: !paidThisMonth, emailNotices }).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <label className="flex min-h-11 items-center gap-2 font-semibold">
            <input type="checkbox" name="agree" required aria-describedby={fieldErrors?.agree ? `agree-error-${mode}` : undefined} />
            위 내용을 확인했고 자동결제에 동의해요 (필수)
          </label>
          {fieldErrors?.agree ? (
            <p id={`agree-error-${mode}`} className="text-red-700">
              {fieldErrors.agree[0]}
            </p>
          ) : null}
        </div>
      ) : null}
      {state && !state.ok && !fieldErrors?.agree ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error.message}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-brand-700">
          {state.data.first === "paid"
            ? "정기 충전을 시작했어요. 첫 달 크레딧이 지급됐어요."
            : state.data.first === "declined"
              ? "카드 결제가 거절되어 정기 충전이 멈췄어요."
              : mode === "change"
                ? "정기 충전을 바꿨어요."
                : "정기 충전을 시작했어요."}
        </p>
      ) : null}
      <Button type="submit" loading={pending} loadingLabel="결제하는 중…" className="w-full sm:w-auto">
        {mode === "change" ? "동의하고 정기 충전 변경" : "동의하고 정기 충전 시작"}
      </Button>
    </form>
  );
}
