"use client";

import { useRef, useState } from "react";
import { ButtonLink } from "@/components/ui/button";
import { LinkPending } from "@/components/ui/link-pending";
import { Dialog } from "@/components/ui/dialog";

interface PaymentFailureProps {
  message: string;
  code: string | null;
  /** /checkout for the same open order; null when it cannot be paid again */
  retryHref: string | null;
  orderHref: string | null;
}

/**
 * The fail page: a modal with the reason and the two ways on. Closing it (Escape, the backdrop) leaves
 * the same reason and buttons on the page, so nothing is lost.
 */
export function PaymentFailure({ message, code, retryHref, orderHref }: PaymentFailureProps) {
  const [open, setOpen] = useState(true);
  const primaryRef = useRef<HTMLAnchorElement>(null);

  const actions = (autoFocus: boolean) => (
    <div className="flex flex-col gap-3">
      {retryHref ? (
        <ButtonLink href={retryHref} ref={autoFocus ? primaryRef : undefined}>
          <LinkPending>다시 시도</LinkPending>
        </ButtonLink>
      ) : null}
      <ButtonLink href="/pricing" variant={retryHref ? "ghost" : "primary"} ref={autoFocus && !retryHref ? primaryRef : undefined}>
        요금제로 돌아가기
      </ButtonLink>
      {orderHref ? (
        <ButtonLink href={orderHref} variant="plain">
          주문 상세 보기
        </ButtonLink>
      ) : null}
    </div>
  );

  const codeLine = code ? <span className="mt-2 block text-xs text-ink-soft">오류 코드: {code}</span> : null;

  return (
    <>
      <div className="space-y-4 py-6">
        <h1 className="text-2xl font-bold">결제를 완료하지 못했어요</h1>
        <p className="text-ink-soft">
          {message}
          {codeLine}
        </p>
        <div className="sm:max-w-xs">{actions(false)}</div>
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="결제를 완료하지 못했어요"
        description={
          <>
            {message}
            {codeLine}
          </>
        }
        initialFocusRef={primaryRef}
      >
        {actions(true)}
      </Dialog>
    </>
  );
}
