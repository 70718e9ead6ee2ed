import type { Metadata } from "next";
import Link from "next/link";
import { DemoCheckout } from "@/components/toss-sandbox/demo-checkout";
import { DemoCheckoutV2 } from "@/components/toss-sandbox/demo-checkout-v2";
import { TOSS_DOCS_CLIENT_KEY } from "@/lib/env";
import { DOCS_API_CLIENT_KEY } from "@/lib/toss-sandbox/keys";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "샌드박스 데모 결제", robots: { index: false } };

const INTEGRATIONS = {
  v1: { label: "v1 결제위젯", text: "결제위젯 SDK v1(@tosspayments/payment-widget-sdk)이 샌드박스 위젯을 불러와요. 결제위젯 연동 키(test_gck_)로 열어요." },
  "v2-widget": { label: "v2 결제위젯", text: "SDK v2(@tosspayments/tosspayments-sdk)의 widgets()가 샌드박스 v2 스크립트를 불러와요. 결제위젯 연동 키(test_gck_)로 열어요." },
  "v2-payment": { label: "v2 결제창", text: "SDK v2의 payment()로 위젯 없이 결제창을 바로 열어요. API 개별 연동 키(test_ck_)로 열고, 승인도 그 짝인 test_sk_ 키로 해요." },
} as const;
type Integration = keyof typeof INTEGRATIONS;

// Try the sandbox without the shop: Toss's real SDKs (v1 widget, v2 widget, v2 payment window), Toss's
// public docs key pairs, any amount. The secret keys stay on the server (the success page confirms).
export default async function SandboxDemoPage({ searchParams }: { searchParams: Promise<{ sdk?: string }> }) {
  const { sdk } = await searchParams;
  const current: Integration = sdk && sdk in INTEGRATIONS ? (sdk as Integration) : "v1";
  return (
    <section className="space-y-4" aria-labelledby="demo-title">
      <div className="space-y-1">
        <h1 id="demo-title" className="text-xl font-bold">
          데모 결제
        </h1>
        <p className="text-sm text-ink-soft">{INTEGRATIONS[current].text} 결제하면 샌드박스 결제창을 거쳐 서버에서 승인해요.</p>
      </div>
      <nav aria-label="연동 방식">
        <ul className="grid grid-cols-3 gap-1 rounded-xl bg-gray-100 p-1 text-center text-sm">
          {(Object.keys(INTEGRATIONS) as Integration[]).map((key) => (
            <li key={key}>
              <Link
                href={key === "v1" ? "/sandbox/toss/demo" : `/sandbox/toss/demo?sdk=${key}`}
                aria-current={key === current ? "page" : undefined}
                className="flex min-h-11 items-center justify-center rounded-lg px-2 font-medium aria-[current=page]:bg-white aria-[current=page]:shadow-sm"
              >
                {INTEGRATIONS[key].label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current === "v1" ? (
        <DemoCheckout key="v1" clientKey={TOSS_DOCS_CLIENT_KEY} widgetSrc="/sandbox/toss/v1/payment-widget" />
      ) : current === "v2-widget" ? (
        <DemoCheckoutV2 key="v2-widget" integration="widget" clientKey={TOSS_DOCS_CLIENT_KEY} sdkSrc="/sandbox/toss/v2/standard" />
      ) : (
        <DemoCheckoutV2 key="v2-payment" integration="payment" clientKey={DOCS_API_CLIENT_KEY} sdkSrc="/sandbox/toss/v2/standard" />
      )}
    </section>
  );
}
