import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "데모 결제 실패", robots: { index: false } };

// failUrl of the demo: what the payment window sent back (code, message, orderId).
export default async function SandboxDemoFailPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string; message?: string; orderId?: string }>;
}) {
  const { code, message, orderId } = await searchParams;
  return (
    <section className="space-y-4" aria-labelledby="fail-title">
      <h1 id="fail-title" className="text-xl font-bold">
        결제가 진행되지 않았어요
      </h1>
      <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
        {message ?? "결제가 중단되었어요."} ({code ?? "UNKNOWN"})
      </p>
      {orderId ? <p className="text-sm text-ink-soft">주문번호 {orderId}</p> : null}
      <Link href="/sandbox/toss/demo" className="text-sm font-semibold text-brand-600 underline">
        다시 결제하기
      </Link>
    </section>
  );
}
