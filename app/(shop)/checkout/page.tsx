import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createPaymentSession } from "@/actions/payments";
import { OrderSummary } from "@/components/checkout/order-summary";
import { PurchaseRules } from "@/components/checkout/purchase-rules";
import { TossPaymentWidget } from "@/components/checkout/toss-payment-widget";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getActiveProduct } from "@/lib/catalog/get-products";
import { env } from "@/lib/env";
import { orderIdSchema, productCodeSchema } from "@/lib/payments/schemas";

export const metadata: Metadata = { title: "결제" };

/** In sandbox mode the app serves a stand-in for Toss's widget script; in live mode the SDK's default. */
const SANDBOX_WIDGET_SRC = "/sandbox/toss/v1/payment-widget";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// GET /checkout?product=PRO_PACK[&orderId=…]: the order is created (or, with orderId, resumed) here on
// the server, once per request; the browser only renders Toss's widget for it.
export default async function CheckoutPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const code = productCodeSchema.safeParse(params.product);
  const product = code.success ? await getActiveProduct(code.data) : null;
  if (!product) notFound();

  const resume = orderIdSchema.safeParse(params.orderId);
  const resumeOrderId = resume.success ? resume.data : undefined;
  const returnTo = new URLSearchParams({ product: product.code, ...(resumeOrderId ? { orderId: resumeOrderId } : {}) });
  await requireUser(`/checkout?${returnTo}`);

  const result = await createPaymentSession(product.code, resumeOrderId);
  if (!result.ok) {
    if (result.error.code === "PRODUCT_NOT_FOUND") notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">결제</h1>
        <Alert tone="error" role="alert">
          {result.error.message}
        </Alert>
        <ButtonLink href="/pricing" variant="ghost">
          요금제로 돌아가기
        </ButtonLink>
      </div>
    );
  }

  const session = result.data;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">결제</h1>
      <OrderSummary orderName={session.orderName} credits={session.credits} amount={session.amount} orderId={session.orderId} />
      <PurchaseRules refundWindowDays={env.refundWindowDays} creditValidityMonths={env.creditValidityMonths} />
      <TossPaymentWidget
        session={session}
        clientKey={env.toss.clientKey}
        scriptSrc={env.toss.mode === "sandbox" ? SANDBOX_WIDGET_SRC : undefined}
      />
    </div>
  );
}
