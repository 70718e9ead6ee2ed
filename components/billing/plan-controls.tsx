"use client";
// Pause, resume or end the monthly plan, and remove the saved card: one click each, with the outcome read out.
import { useState, useTransition } from "react";
import { removeCardAction, setPlanStatusAction } from "@/actions/billing";
import { Button } from "@/components/ui/button";

export function PlanControls({ status, hasCard }: { status: "ACTIVE" | "PAUSED" | "DISABLED" | "CANCELED" | null; hasCard: boolean }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const run = (work: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) =>
    start(async () => {
      const result = await work();
      setMessage(result.ok ? done : (result.error?.message ?? "처리하지 못했어요."));
    });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === "ACTIVE" ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => setPlanStatusAction("PAUSED"), "정기 충전을 멈췄어요.")}>
            정기 충전 멈추기
          </Button>
        ) : null}
        {status === "PAUSED" ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => setPlanStatusAction("ACTIVE"), "정기 충전을 다시 시작했어요.")}>
            다시 시작
          </Button>
        ) : null}
        {status === "ACTIVE" || status === "PAUSED" ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => setPlanStatusAction("CANCELED"), "정기 충전을 해지했어요.")}>
            해지
          </Button>
        ) : null}
        {hasCard ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(removeCardAction, "카드를 삭제했어요. 더는 결제되지 않아요.")}>
            카드 삭제
          </Button>
        ) : null}
      </div>
      <p role="status" className="min-h-5 text-sm text-ink-soft">
        {message}
      </p>
    </div>
  );
}
