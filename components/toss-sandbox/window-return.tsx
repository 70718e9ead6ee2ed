"use client";
// Posts the payment window's result to the shop's page that opened it (promise mode), only to the origin
// that page named; the page closes this window once it has the result.
import { useEffect, useState } from "react";
import { PAYMENT_WINDOW_MESSAGE, type PaymentWindowMessage } from "@/lib/toss-sandbox/browser/window-message";

interface WindowReturnProps {
  origin: string;
  channel: string;
  params: Record<string, string>;
}

function httpOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value ? url.origin : null;
  } catch {
    return null;
  }
}

export function WindowReturn({ origin, channel, params }: WindowReturnProps) {
  const [sent, setSent] = useState<boolean | null>(null);

  useEffect(() => {
    const target = httpOrigin(origin);
    if (!target || !channel || !window.opener) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- whether an opener exists is known only in the browser
      setSent(false);
      return;
    }
    const message: PaymentWindowMessage = { type: PAYMENT_WINDOW_MESSAGE, channel, params };
    (window.opener as Window).postMessage(message, target);
    setSent(true);
  }, [origin, channel, params]);

  const failed = Boolean(params.code);
  return (
    <section className="mx-auto max-w-md space-y-3" aria-labelledby="return-title">
      <h1 id="return-title" className="text-xl font-bold">
        {failed ? "결제를 마치지 못했어요" : "결제 인증을 마쳤어요"}
      </h1>
      <p role="status" className="rounded-xl bg-white px-4 py-3 text-sm shadow-sm ring-1 ring-gray-200">
        {sent === false
          ? "결제를 요청한 상점 페이지를 찾지 못했어요. 이 창을 닫고 상점에서 다시 시도해주세요."
          : "상점으로 결과를 전달하고 있어요. 잠시 후 이 창이 닫혀요."}
      </p>
    </section>
  );
}
