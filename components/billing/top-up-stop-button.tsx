"use client";
// Turns the threshold top-up off: one click, the outcome read out.
import { useState, useTransition } from "react";
import { stopTopUpAction } from "@/actions/billing";
import { Button } from "@/components/ui/button";

export function TopUpStopButton() {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await stopTopUpAction();
            setMessage(result.ok ? "자동충전을 껐어요." : result.error.message);
          })
        }
      >
        자동충전 끄기
      </Button>
      <p role="status" className="min-h-5 text-ink-soft">
        {message}
      </p>
    </div>
  );
}
