"use client";
// The one place that talks to Toss's widget SDK (v1, @tosspayments/payment-widget-sdk). Moving to SDK v2
// (@tosspayments/tosspayments-sdk: loadTossPayments → widgets({customerKey}) → setAmount → render…)
// changes this file only.
import { loadPaymentWidget, type PaymentWidgetInstance } from "@tosspayments/payment-widget-sdk";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatWon } from "@/lib/format";
import type { PaymentSession } from "@/lib/payments/create-order";
import { AGREEMENT_REQUIRED, loadErrorMessage, requestErrorMessage } from "./widget-errors";

type AgreementWidget = ReturnType<PaymentWidgetInstance["renderAgreement"]>;
interface RenderedWidget {
  widget: PaymentWidgetInstance;
  agreement: AgreementWidget;
}

type Phase = "loading" | "ready" | "requesting" | "failed";

const METHODS_SELECTOR = "#payment-method";
const AGREEMENT_SELECTOR = "#agreement";
/** Past this, a widget that never said "ready" is treated as failed (a bad key, a blocked frame). */
const READY_TIMEOUT_MS = 20_000;

interface TossPaymentWidgetProps {
  session: PaymentSession;
  /** the public client key (never the secret key) */
  clientKey: string;
  /** the widget script: the sandbox's in sandbox mode, undefined for Toss's own (js.tosspayments.com) */
  scriptSrc?: string;
}

/** Loads the script, renders the methods and the agreement, and resolves once the methods are ready. */
function loadAndRender(clientKey: string, session: PaymentSession, scriptSrc: string | undefined): Promise<RenderedWidget> {
  return loadPaymentWidget(clientKey, session.customerKey, undefined, scriptSrc ? { src: scriptSrc } : undefined).then(
    (widget) =>
      new Promise<RenderedWidget>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("payment widget not ready")), READY_TIMEOUT_MS);
        try {
          const methods = widget.renderPaymentMethods(METHODS_SELECTOR, { value: session.amount, currency: "KRW" });
          const agreement = widget.renderAgreement(AGREEMENT_SELECTOR);
          methods.on("ready", () => {
            clearTimeout(timer);
            resolve({ widget, agreement });
          });
        } catch (error) {
          clearTimeout(timer);
          reject(error);
        }
      }),
  );
}

export function TossPaymentWidget({ session, clientKey, scriptSrc }: TossPaymentWidgetProps) {
  const [phase, setPhase] = useState<Phase>("loading");
  const [message, setMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // One load per attempt, kept across StrictMode's second effect run (the widget must not render twice).
  const loading = useRef<{ attempt: number; promise: Promise<RenderedWidget> } | null>(null);
  const rendered = useRef<RenderedWidget | null>(null);
  const methodsRef = useRef<HTMLDivElement>(null);
  const agreementRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let active = true;
    if (loading.current?.attempt !== attempt) {
      // A retry starts from empty containers (they hold only what the widget put there).
      methodsRef.current?.replaceChildren();
      agreementRef.current?.replaceChildren();
      loading.current = { attempt, promise: loadAndRender(clientKey, session, scriptSrc) };
    }
    loading.current.promise.then(
      (result) => {
        if (!active) return;
        rendered.current = result;
        setPhase("ready");
      },
      (error: unknown) => {
        if (!active) return;
        setMessage(loadErrorMessage(error));
        setPhase("failed");
      },
    );
    return () => {
      active = false;
    };
  }, [attempt, clientKey, session, scriptSrc]);

  // A refresh of this page resumes this order instead of opening another one.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get("orderId") === session.orderId) return;
    url.searchParams.set("product", session.productCode);
    url.searchParams.set("orderId", session.orderId);
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}`);
  }, [session.orderId, session.productCode]);

  // Back from Toss's page through the browser's back/forward cache: the button must not stay busy.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) setPhase((current) => (current === "requesting" ? "ready" : current));
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, []);

  const retry = useCallback(() => {
    setMessage(null);
    setPhase("loading");
    setAttempt((n) => n + 1);
  }, []);

  async function pay() {
    const current = rendered.current;
    if (!current || phase !== "ready") return;
    setMessage(null);
    if (!current.agreement.getAgreementStatus().agreedRequiredTerms) {
      setMessage(AGREEMENT_REQUIRED);
      return;
    }
    setPhase("requesting");
    try {
      // Redirect mode: Toss (or the sandbox) takes the buyer away, then back to successUrl or failUrl.
      await current.widget.requestPayment({
        orderId: session.orderId,
        orderName: session.orderName,
        // Back to the origin the buyer is on (a preview alias, localhost or 127.0.0.1), where their
        // session cookie lives; the server's own URLs may name another host of the same deployment.
        successUrl: new URL("/checkout/success", window.location.origin).href,
        failUrl: new URL("/checkout/fail", window.location.origin).href,
        customerEmail: session.customerEmail ?? undefined,
        customerName: session.customerName ?? undefined,
      });
    } catch (error) {
      setMessage(requestErrorMessage(error));
      setPhase("ready");
    }
  }

  return (
    <div className="space-y-4">
      {/* No frame of ours: Toss's widget (and the sandbox's) draws its own surface. */}
      <section aria-labelledby="payment-method-title">
        <h2 id="payment-method-title" className="sr-only">
          결제 수단
        </h2>
        {/* Fixed minimum heights: the widget's arrival does not push the page around. */}
        <div className="relative min-h-[320px]" aria-busy={phase === "loading" || undefined}>
          <div id="payment-method" ref={methodsRef} />
          {phase === "loading" ? <WidgetSkeleton rows={3} label="결제 수단을 불러오고 있어요" /> : null}
          {phase === "failed" ? (
            <div className="absolute inset-0 flex flex-col items-center justify-center gap-4 rounded-2xl bg-white p-6 text-center ring-1 ring-gray-200">
              <p className="font-semibold">결제 모듈을 불러오지 못했어요</p>
              <Button variant="ghost" onClick={retry}>
                다시 시도
              </Button>
            </div>
          ) : null}
        </div>
        <div className="relative min-h-[88px]">
          <div id="agreement" ref={agreementRef} />
          {phase === "loading" ? <WidgetSkeleton rows={1} /> : null}
        </div>
      </section>

      {/* Sticky at the bottom on phones (thumb reach), after the widget on larger screens. The message
          sits right above the button the buyer just pressed. */}
      <div className="sticky bottom-0 z-10 -mx-4 space-y-3 border-t border-gray-200 bg-white/95 px-4 pb-[calc(0.75rem+env(safe-area-inset-bottom))] pt-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0 sm:backdrop-blur-none">
        <div aria-live="polite" className="empty:hidden">
          {message ? (
            <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
              {message}
            </p>
          ) : null}
        </div>
        <p id="pay-consent" className="text-center text-sm font-semibold text-ink">
          주문 내용을 확인했으며, 결제에 동의합니다.
        </p>
        <div className="flex items-center gap-4">
          <div className="shrink-0 sm:hidden">
            <p className="text-xs text-ink-soft">총 결제 금액</p>
            <p className="text-lg font-bold tabular-nums">{formatWon(session.amount)}</p>
          </div>
          <Button
            onClick={pay}
            disabled={phase !== "ready"}
            loading={phase === "requesting"}
            loadingLabel="결제창을 여는 중…"
            aria-describedby="pay-consent"
            className="flex-1 sm:w-full"
          >
            결제하기
          </Button>
        </div>
      </div>
    </div>
  );
}

function WidgetSkeleton({ rows, label }: { rows: number; label?: string }) {
  return (
    <div className="absolute inset-0 space-y-3 rounded-2xl bg-white p-5 ring-1 ring-gray-200" aria-hidden={label ? undefined : true}>
      {label ? (
        <p className="flex items-center gap-2 text-sm text-ink-soft" role="status">
          <Spinner className="size-4" />
          {label}
        </p>
      ) : null}
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-12 animate-pulse rounded-xl bg-gray-100" />
      ))}
    </div>
  );
}
