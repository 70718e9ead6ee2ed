"use client";
// The one button of the one-click cancel page: ends the plan the link names, and says so.
import { useState, useTransition } from "react";
import { cancelPlanFromLinkAction } from "@/actions/billing";
import { Button } from "@/components/ui/button";

export function PlanLinkCancelButton({ token }: { token: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  return (
    <div className="space-y-2">
      {done ? null : (
        <Button
          type="button"
          disabled={pending}
          className="w-full sm:w-auto"
          onClick={() =>
            start(async () => {
              const result = await cancelPlanFromLinkAction(token);
              if (result.ok) setDone(true);
              setMessage(
                result.ok
                  ? result.data.outcome === "canceled"
                    ? "정기 충전을 해지했어요. 다음 결제일부터 결제되지 않아요."
                    : "이미 해지된 정기 충전이에요."
                  : result.error.message,
              );
            })
          }
        >
          정기 충전 해지하기
        </Button>
      )}
      <p role="status" className="min-h-5 text-sm font-semibold">
        {message}
      </p>
    </div>
  );
}
