"use client";
// Turning on the threshold top-up ("잔액이 N크레딧 아래로 내려가면 프로 팩 자동 구매"), shown only where the
// shop has Toss's approval (AUTO_TOP_UP_ENABLED), with its own agreement and a required tick.
import { useActionState, useState } from "react";
import { startTopUpAction } from "@/actions/billing";
import { Button } from "@/components/ui/button";
import { topUpAgreementText } from "@/lib/billing/agreement";

interface TopUpFormProps {
  packs: { code: string; name: string; price: number; credits: number }[];
  agreementVersion: string;
  sellerName: string;
  dailyCap: number;
  /** "change": the buyer's running top-up is replaced by this one (a new agreement) */
  mode?: "start" | "change";
  defaults?: { code: string; threshold: number };
}

export function TopUpForm({ packs, agreementVersion, sellerName, dailyCap, mode = "start", defaults }: TopUpFormProps) {
  const [state, action, pending] = useActionState(startTopUpAction, null);
  const [code, setCode] = useState(defaults?.code ?? packs[0]?.code ?? "");
  const [threshold, setThreshold] = useState(defaults?.threshold ?? 2);
  const pack = packs.find((p) => p.code === code) ?? packs[0];
  return (
    <form action={action} className="space-y-3" aria-labelledby={`top-up-title-${mode}`}>
      <h3 id={`top-up-title-${mode}`} className="text-sm font-semibold">
        {mode === "change" ? "잔액 기준 자동충전 변경" : "잔액 기준 자동충전"}
      </h3>
      <input type="hidden" name="agreementVersion" value={agreementVersion} />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={`top-up-threshold-${mode}`}>잔액이</label>
        <input
          id={`top-up-threshold-${mode}`}
          name="thresholdCredits"
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          required
          value={threshold}
          onChange={(e) => setThreshold(Number(e.target.value))}
          className="min-h-11 w-20 rounded-xl px-3 ring-1 ring-gray-300"
        />
        <span>크레딧 아래로 내려가면</span>
        <label htmlFor={`top-up-pack-${mode}`} className="sr-only">
          자동 구매할 팩
        </label>
        <select id={`top-up-pack-${mode}`} name="productCode" value={code} onChange={(e) => setCode(e.target.value)} className="min-h-11 rounded-xl px-3 ring-1 ring-gray-300">
          {packs.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
        <span>자동 구매</span>
      </div>
      {pack ? (
        <ul className="list-disc space-y-1 rounded-xl bg-gray-50 p-4 pl-8 text-sm text-ink-soft" data-testid="top-up-agreement">
          {topUpAgreementText({ sellerName, packName: pack.name, price: pack.price, thresholdCredits: threshold || 1, dailyCap }).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <label className="flex min-h-11 items-center gap-2 text-sm font-semibold">
        <input type="checkbox" name="agree" required />
        위 내용을 확인했고 자동결제에 동의해요 (필수)
      </label>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error.fieldErrors ? Object.values(state.error.fieldErrors).flat()[0] : state.error.message}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" loading={pending} loadingLabel="켜는 중…" className="w-full sm:w-auto">
        {mode === "change" ? "동의하고 자동충전 변경" : "동의하고 자동충전 켜기"}
      </Button>
    </form>
  );
}
