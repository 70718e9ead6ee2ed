"use client";
// The sandbox demo's v2 checkouts, through Toss's real SDK v2 (@tosspayments/tosspayments-sdk) loading
// the sandbox's /sandbox/toss/v2/standard through its `src` option, exactly as a shop integrates Toss:
// - "widget":  widgets({ customerKey }) with the docs widget key: setAmount, renderPaymentMethods,
//              renderAgreement, requestPayment
// - "payment": payment({ customerKey }) with the docs API individual key: the shop's own method choice,
//              then requestPayment({ method, amount, … }) straight to the payment window (결제창)
// Each in redirect or promise mode.
import { ANONYMOUS, loadTossPayments, type TossPaymentsPayment, type TossPaymentsWidgets } from "@tosspayments/tosspayments-sdk";
import { useEffect, useRef, useState } from "react";
import { ResultModeField, sdkErrorText, successPathOf, type ResultMode } from "./result-mode-field";

interface DemoCheckoutV2Props {
  integration: "widget" | "payment";
  clientKey: string;
  sdkSrc: string;
}

const MIN_AMOUNT = 100;
const WINDOW_METHODS = [
  ["CARD", "카드"],
  ["VIRTUAL_ACCOUNT", "가상계좌"],
  ["TRANSFER", "계좌이체"],
  ["MOBILE_PHONE", "휴대폰"],
] as const;
type WindowMethod = (typeof WINDOW_METHODS)[number][0];

export function DemoCheckoutV2({ integration, clientKey, sdkSrc }: DemoCheckoutV2Props) {
  const [amount, setAmount] = useState(15_000);
  const [method, setMethod] = useState<WindowMethod>("CARD");
  const [resultMode, setResultMode] = useState<ResultMode>("redirect");
  const [ready, setReady] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const widgets = useRef<TossPaymentsWidgets | null>(null);
  const payment = useRef<TossPaymentsPayment | null>(null);
  const initialAmount = useRef(amount);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const tossPayments = await loadTossPayments(clientKey, { src: sdkSrc });
      if (cancelled) return;
      if (integration === "payment") {
        payment.current = tossPayments.payment({ customerKey: ANONYMOUS });
      } else {
        const instance = tossPayments.widgets({ customerKey: ANONYMOUS });
        await instance.setAmount({ currency: "KRW", value: initialAmount.current });
        await Promise.all([
          instance.renderPaymentMethods({ selector: "#payment-methods", variantKey: "DEFAULT" }),
          instance.renderAgreement({ selector: "#agreement", variantKey: "AGREEMENT" }),
        ]);
        widgets.current = instance;
      }
      if (!cancelled) setReady(true);
    })().catch((e: unknown) => {
      if (!cancelled) setError(sdkErrorText(e, integration === "widget" ? "결제위젯을 불러오지 못했어요." : "결제창 SDK를 불러오지 못했어요."));
    });
    return () => {
      cancelled = true;
    };
  }, [clientKey, sdkSrc, integration]);

  function changeAmount(value: string) {
    const next = Number(value);
    setAmount(next);
    if (Number.isInteger(next) && next >= MIN_AMOUNT) void widgets.current?.setAmount({ currency: "KRW", value: next });
  }

  async function pay() {
    setError(null);
    setPending(true);
    const keys = integration === "payment" ? "api" : undefined;
    const base = `${window.location.origin}/sandbox/toss/demo`;
    const order = { orderId: `demo-${crypto.randomUUID()}`, orderName: "샌드박스 데모 주문", customerName: "김토스" };
    const urls =
      resultMode === "redirect" ? { successUrl: keys ? `${base}/success?keys=${keys}` : `${base}/success`, failUrl: `${base}/fail` } : {};
    try {
      if (integration === "payment" && payment.current) {
        const request = {
          ...order,
          ...urls,
          method,
          amount: { currency: "KRW", value: amount },
          customerEmail: "customer@example.com",
          ...(method === "MOBILE_PHONE" ? { customerMobilePhone: "01012345678" } : {}),
          ...(method === "CARD" ? { card: { useEscrow: false, flowMode: "DEFAULT" as const, useCardPoint: false, useAppCardOnly: false } } : {}),
          ...(method === "VIRTUAL_ACCOUNT" ? { virtualAccount: { cashReceipt: { type: "소득공제" }, useEscrow: false, validHours: 24 } } : {}),
        };
        // One call for every method: the SDK's overloads are per method, the request is checked at run time.
        const result = (await (payment.current.requestPayment as (r: typeof request) => Promise<unknown>)(request)) as
          | { orderId: string; paymentKey: string; amount: { value: number } }
          | undefined;
        if (result) window.location.assign(successPathOf(result, keys));
      } else if (widgets.current) {
        const result = await widgets.current.requestPayment({ ...order, ...urls });
        if (result) window.location.assign(successPathOf(result));
      }
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
          {MIN_AMOUNT}원 이상 정수로 입력하세요. 가상계좌·계좌이체는 200원 이상.
        </p>
      </div>
      <ResultModeField value={resultMode} onChange={setResultMode} />
      {integration === "payment" ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">결제 수단 (상점이 고르는 결제창)</legend>
          <div className="grid grid-cols-2 gap-2">
            {WINDOW_METHODS.map(([code, label]) => (
              <label key={code} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-gray-300 bg-white px-4 text-sm has-[:checked]:border-brand-600">
                <input type="radio" name="window-method" value={code} checked={method === code} onChange={() => setMethod(code)} className="h-5 w-5" />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <>
          <div id="payment-methods" />
          <div id="agreement" />
        </>
      )}
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
        {ready ? (pending ? "결제 진행 중…" : "결제하기") : "결제 SDK 불러오는 중…"}
      </button>
    </div>
  );
}
