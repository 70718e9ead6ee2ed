"use client";
// The sandbox demo's v1 checkout: Toss's real widget SDK (@tosspayments/payment-widget-sdk), loading the
// sandbox's widget script through its `src` option, exactly as a shop integrates Toss. Redirect or
// promise mode.
import { ANONYMOUS, loadPaymentWidget, type PaymentWidgetInstance } from "@tosspayments/payment-widget-sdk";
import { useEffect, useRef, useState } from "react";
import { ResultModeField, sdkErrorText, successPathOf, type ResultMode } from "./result-mode-field";

type MethodsWidget = ReturnType<PaymentWidgetInstance["renderPaymentMethods"]>;

interface DemoCheckoutProps {
  clientKey: string;
  widgetSrc: string;
}

const MIN_AMOUNT = 100;

export function DemoCheckout({ clientKey, widgetSrc }: DemoCheckoutProps) {
  const [amount, setAmount] = useState(15_000);
  const [widget, setWidget] = useState<PaymentWidgetInstance | null>(null);
  const [ready, setReady] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [resultMode, setResultMode] = useState<ResultMode>("redirect");
  const methods = useRef<MethodsWidget | null>(null);
  const initialAmount = useRef(amount);

  useEffect(() => {
    let cancelled = false;
    loadPaymentWidget(clientKey, ANONYMOUS, undefined, { src: widgetSrc })
      .then((instance) => {
        if (cancelled) return;
        const rendered = instance.renderPaymentMethods("#payment-methods", { value: initialAmount.current, currency: "KRW" });
        rendered.on("ready", () => setReady(true));
        instance.renderAgreement("#agreement");
        methods.current = rendered;
        setWidget(instance);
      })
      .catch((e: { code?: string; message?: string }) => {
        if (!cancelled) setError(`결제위젯을 불러오지 못했어요. ${e.message ?? ""}${e.code ? ` (${e.code})` : ""}`);
      });
    return () => {
      cancelled = true;
    };
  }, [clientKey, widgetSrc]);

  function changeAmount(value: string) {
    const next = Number(value);
    setAmount(next);
    if (Number.isInteger(next) && next >= MIN_AMOUNT) methods.current?.updateAmount(next);
  }

  async function pay() {
    if (!widget) return;
    setError(null);
    setPending(true);
    const orderId = `demo-${crypto.randomUUID()}`;
    try {
      if (resultMode === "promise") {
        const result = await widget.requestPayment({ orderId, orderName: "샌드박스 데모 주문", customerName: "김토스" });
        if (result) window.location.assign(successPathOf(result));
        return;
      }
      await widget.requestPayment({
        orderId,
        orderName: "샌드박스 데모 주문",
        successUrl: `${window.location.origin}/sandbox/toss/demo/success`,
        failUrl: `${window.location.origin}/sandbox/toss/demo/fail`,
        customerName: "김토스",
      });
    } catch (e) {
      setError(sdkErrorText(e, "결제를 요청하지 못했어요."));
      setPending(false);
    }
  }

  const amountValid = Number.isInteger(amount) && amount >= MIN_AMOUNT;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="demo-amount" className="block text-sm font-semibold">
          결제 금액 (원)
        </label>
        <input
          id="demo-amount"
          type="number"
          inputMode="numeric"
          min={MIN_AMOUNT}
          step={1}
          value={Number.isNaN(amount) ? "" : amount}
          onChange={(e) => changeAmount(e.target.value)}
          aria-invalid={!amountValid}
          aria-describedby="amount-hint"
          className="block min-h-12 w-full rounded-xl border border-gray-300 bg-white px-4 text-base"
        />
        <p id="amount-hint" className="text-sm text-ink-soft">
          {MIN_AMOUNT}원 이상 정수로 입력하세요. 가상계좌는 200원 이상.
        </p>
      </div>
      <ResultModeField value={resultMode} onChange={setResultMode} />
      <div id="payment-methods" />
      <div id="agreement" />
      {error ? (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        onClick={pay}
        disabled={!ready || pending || !amountValid}
        aria-busy={pending || undefined}
        className="inline-flex min-h-12 w-full items-center justify-center rounded-xl bg-brand-600 px-6 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {ready ? (pending ? "결제 진행 중…" : "결제하기") : "결제위젯 불러오는 중…"}
      </button>
    </div>
  );
}
