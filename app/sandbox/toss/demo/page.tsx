import type { Metadata } from "next";
import { DemoCheckout } from "@/components/toss-sandbox/demo-checkout";
import { TOSS_DOCS_CLIENT_KEY } from "@/lib/env";

export const metadata: Metadata = { title: "샌드박스 데모 결제", robots: { index: false } };

// Try the sandbox without the shop: Toss's real widget SDK, the docs key pair, any amount.
export default function SandboxDemoPage() {
  return (
    <section className="space-y-4" aria-labelledby="demo-title">
      <div className="space-y-1">
        <h1 id="demo-title" className="text-xl font-bold">
          데모 결제
        </h1>
        <p className="text-sm text-ink-soft">
          토스페이먼츠 결제위젯 SDK가 샌드박스 위젯을 불러와요. 결제 수단을 고르고 약관에 동의한 뒤 결제하면 샌드박스
          결제창으로 이동해요. 승인은 문서용 키 쌍으로 서버에서 해요.
        </p>
      </div>
      <DemoCheckout clientKey={TOSS_DOCS_CLIENT_KEY} widgetSrc="/sandbox/toss/v1/payment-widget" />
    </section>
  );
}
