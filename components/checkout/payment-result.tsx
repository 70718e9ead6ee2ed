"use client";
// The success page's work: confirm the payment in the background (once per visit; the server is
// idempotent, so a refresh only asks again), keep asking while the outcome is unknown, wait for a
// 가상계좌 deposit, and show the result with the new balance.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { handlePaymentSuccess } from "@/actions/payments";
import { VirtualAccountDetails } from "@/components/orders/virtual-account-details";
import { ButtonLink } from "@/components/ui/button";
import { LinkPending } from "@/components/ui/link-pending";
import { DetailRow } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import type { PublicError } from "@/lib/errors";
import { formatWon } from "@/lib/format";
import type { OrderView } from "@/lib/payments/order-view";
import { failureMessage } from "./failure-messages";

type View =
  | { kind: "confirming" }
  | { kind: "processing"; slow: boolean }
  | { kind: "paid"; order: OrderView; balance: number | null; afterDeposit: boolean }
  | { kind: "waiting"; order: OrderView }
  | { kind: "closed"; order: OrderView }
  | { kind: "error"; error: PublicError; retryHref: string | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deposit polling: every 3 s for a minute, then every 10 s (the buyer may take a while at the bank). */
const depositPollDelay = (elapsedMs: number) => (elapsedMs < 60_000 ? 3_000 : 10_000);

async function fetchOrder(orderId: string): Promise<OrderView | null> {
  try {
    const response = await fetch(`/api/orders/${encodeURIComponent(orderId)}`, { cache: "no-store" });
    if (!response.ok) return null;
    return ((await response.json()) as { order: OrderView }).order;
  } catch {
    return null;
  }
}

async function fetchBalance(): Promise<number | null> {
  try {
    const response = await fetch("/api/credits", { cache: "no-store" });
    if (!response.ok) return null;
    return ((await response.json()) as { balance: number }).balance;
  } catch {
    return null;
  }
}

const retryHrefOf = (order: OrderView | null) =>
  order && order.status === "PENDING" && !order.processing
    ? `/checkout?product=${encodeURIComponent(order.productCode)}&orderId=${encodeURIComponent(order.orderId)}`
    : null;

export function PaymentResult({ paymentKey, orderId, amount }: { paymentKey: string; orderId: string; amount: number }) {
  const router = useRouter();
  const [view, setView] = useState<View>({ kind: "confirming" });
  const started = useRef(false);
  const mounted = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    // StrictMode runs effects twice in development: confirm once per visit (the server would cope).
    if (started.current) return;
    started.current = true;

    async function showPaid(order: OrderView, afterDeposit: boolean) {
      const balance = await fetchBalance();
      if (!mounted.current) return;
      setView({ kind: "paid", order, balance, afterDeposit });
      router.refresh(); // server-rendered parts (the header's balance) catch up
    }

    async function waitForDeposit(first: OrderView) {
      setView({ kind: "waiting", order: first });
      const since = Date.now();
      for (;;) {
        await sleep(depositPollDelay(Date.now() - since));
        if (!mounted.current) return;
        const order = await fetchOrder(orderId);
        if (!mounted.current) return;
        if (!order || order.status === "WAITING_FOR_DEPOSIT") continue;
        if (order.status === "PAID") return showPaid(order, true);
        return setView({ kind: "closed", order });
      }
    }

    async function confirm() {
      for (let attempt = 0; ; attempt++) {
        let result: Awaited<ReturnType<typeof handlePaymentSuccess>> | null = null;
        try {
          result = await handlePaymentSuccess({ paymentKey, orderId, amount });
        } catch {
          result = null; // the network dropped: the outcome is unknown, ask again
        }
        if (!mounted.current) return;
        if (result && !result.ok) {
          const order = await fetchOrder(orderId);
          if (!mounted.current) return;
          return setView({ kind: "error", error: result.error, retryHref: retryHrefOf(order) });
        }
        if (result?.data.status === "SETTLED") {
          const order = result.data.order;
          if (order.status === "PAID") return showPaid(order, false);
          if (order.status === "WAITING_FOR_DEPOSIT") return waitForDeposit(order);
          return setView({ kind: "closed", order });
        }
        setView({ kind: "processing", slow: attempt >= 5 });
        const retryAfter = (result?.data.retryAfterSeconds ?? 3) * 1000;
        await sleep(attempt < 5 ? retryAfter : Math.max(retryAfter, 10_000));
        if (!mounted.current) return;
      }
    }

    void confirm();
  }, [paymentKey, orderId, amount, router]);

  // A confirm that takes a while (Toss slow to answer) gets a reassuring word, not a frozen spinner.
  const [slowConfirm, setSlowConfirm] = useState(false);
  useEffect(() => {
    if (view.kind !== "confirming") return;
    const timer = setTimeout(() => setSlowConfirm(true), 6000);
    return () => clearTimeout(timer);
  }, [view.kind]);

  // Each new state is announced by moving focus to its heading.
  useEffect(() => {
    if (view.kind !== "confirming") headingRef.current?.focus();
  }, [view.kind]);

  const heading = (text: string) => (
    // Focused from script to announce the new state; not a control, so no focus ring.
    <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-bold leading-snug" style={{ outline: "none" }}>
      {text}
    </h1>
  );

  switch (view.kind) {
    case "confirming":
    case "processing":
      return (
        <div className="flex flex-col items-center gap-4 py-12 text-center" role="status">
          <Spinner className="size-10 text-brand-500" />
          {view.kind === "confirming" ? heading("결제를 확인하고 있어요") : heading("결제를 확인 중이에요")}
          <p className="max-w-sm text-ink-soft">
            {view.kind === "processing" && view.slow
              ? "결제사 응답이 늦어지고 있어요. 이 화면을 닫아도 결제가 확인되면 크레딧이 자동으로 지급돼요."
              : view.kind === "processing" || slowConfirm
                ? "결제사 응답을 기다리고 있어요. 새로고침하거나 창을 닫아도 결제는 한 번만 처리돼요."
                : "잠시만 기다려 주세요. 창을 닫거나 새로고침해도 결제는 한 번만 처리돼요."}
          </p>
          {view.kind === "processing" ? (
            <ButtonLink href={`/orders/${encodeURIComponent(orderId)}`} variant="ghost">
              주문 상세 보기
            </ButtonLink>
          ) : null}
        </div>
      );

    case "paid": {
      const { order, balance, afterDeposit } = view;
      return (
        <div className="space-y-6">
          <div className="flex flex-col items-center gap-3 pt-4 text-center">
            <CheckIcon />
            {heading(afterDeposit ? "입금이 확인됐어요" : "결제가 완료됐어요")}
            <p className="text-ink-soft">
              크레딧 <strong className="font-semibold text-ink">{order.credits}개</strong>가 지급됐어요.
            </p>
          </div>
          <section aria-label="결제 내역" className="rounded-2xl bg-white px-5 py-2 shadow-sm ring-1 ring-gray-200">
            <dl className="divide-y divide-gray-100">
              <DetailRow label="상품">{order.orderName}</DetailRow>
              <DetailRow label="결제 금액">
                <span className="tabular-nums">{formatWon(order.amount)}</span>
              </DetailRow>
              <DetailRow label="결제 수단">{order.method ?? "—"}</DetailRow>
              <DetailRow label="주문번호">
                <span className="font-mono text-xs">{order.orderId}</span>
              </DetailRow>
              <DetailRow label="지급된 크레딧">+{order.credits}개</DetailRow>
              {balance !== null ? (
                <DetailRow label="보유 크레딧">
                  <span data-testid="balance-after" className="text-base font-bold text-brand-700">
                    {balance}개
                  </span>
                </DetailRow>
              ) : null}
            </dl>
          </section>
          <Actions orderId={order.orderId} />
        </div>
      );
    }

    case "waiting": {
      const { order } = view;
      return (
        <div className="space-y-6">
          <div className="space-y-2 pt-2">
            {heading("입금을 기다리고 있어요")}
            <p className="text-ink-soft">
              아래 계좌로 <strong className="font-semibold text-ink">{formatWon(order.amount)}</strong>을 입금해 주세요.
              입금이 확인되면 크레딧 {order.credits}개가 자동으로 지급돼요.
            </p>
          </div>
          {order.virtualAccount ? <VirtualAccountDetails account={order.virtualAccount} amount={order.amount} /> : null}
          <p className="flex items-center gap-2 text-sm text-ink-soft" role="status">
            <Spinner className="size-4" />
            입금을 확인하고 있어요. 이 화면은 입금되면 저절로 바뀌어요.
          </p>
          <Actions orderId={order.orderId} />
        </div>
      );
    }

    case "closed": {
      const { order } = view;
      const retryHref = retryHrefOf(order);
      const [title, text] =
        order.status === "EXPIRED"
          ? ["주문이 만료됐어요", "결제 기한이 지나 주문이 만료됐어요. 새로 주문해 주세요."]
          : order.status === "CANCELED"
            ? ["주문이 취소됐어요", "이 주문의 결제는 취소됐어요."]
            : order.status === "PARTIAL_CANCELED"
              ? ["부분 취소된 주문이에요", "자세한 내용은 주문 상세에서 확인해 주세요."]
              : ["결제가 완료되지 않았어요", failureMessage(order.failure?.code, order.failure?.message)];
      return (
        <div className="space-y-4 py-6">
          {heading(title)}
          <p className="text-ink-soft">{text}</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            {retryHref ? (
              <ButtonLink href={retryHref}>
                <LinkPending>다시 시도</LinkPending>
              </ButtonLink>
            ) : null}
            <ButtonLink href={`/orders/${encodeURIComponent(order.orderId)}`} variant="ghost">
              주문 상세 보기
            </ButtonLink>
          </div>
        </div>
      );
    }

    case "error":
      return (
        <div className="space-y-4 py-6">
          {heading("결제를 완료하지 못했어요")}
          <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
            {failureMessage(view.error.code, view.error.message)}
          </p>
          <div className="flex flex-col gap-3 sm:flex-row">
            {view.retryHref ? (
              <ButtonLink href={view.retryHref}>
                <LinkPending>다시 시도</LinkPending>
              </ButtonLink>
            ) : null}
            <ButtonLink href="/pricing" variant={view.retryHref ? "ghost" : "primary"}>
              요금제로 돌아가기
            </ButtonLink>
          </div>
        </div>
      );
  }
}

function Actions({ orderId }: { orderId: string }) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <ButtonLink href={`/orders/${encodeURIComponent(orderId)}`} variant="ghost" className="sm:flex-1">
        주문 상세 보기
      </ButtonLink>
      <ButtonLink href="/pricing" className="sm:flex-1">
        계속 쇼핑하기
      </ButtonLink>
    </div>
  );
}

function CheckIcon() {
  return (
    <span className="flex size-14 items-center justify-center rounded-full bg-brand-50 text-brand-600" aria-hidden="true">
      <svg viewBox="0 0 24 24" className="size-8" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
        <path d="M5 12.5l4.5 4.5L19 7.5" />
      </svg>
    </span>
  );
}
