import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { handlePaymentFailure } from "@/actions/payments";
import { failureMessage, PAY_PROCESS_CANCELED } from "@/components/checkout/failure-messages";
import { PaymentFailure } from "@/components/checkout/payment-failure";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "결제 실패" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// GET /checkout/fail?code&message&orderId: where Toss sends the buyer when a payment does not go
// through. The failure is recorded on the order (a buyer's own cancel closes it; anything else keeps it
// open to pay again), then a cancel goes back to /pricing with a toast and the rest get a modal.
export default async function CheckoutFailPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const code = first(params.code) ?? null;
  const message = first(params.message) ?? "";
  const orderId = first(params.orderId) ?? null;
  const query = new URLSearchParams();
  if (code) query.set("code", code);
  if (message) query.set("message", message);
  if (orderId) query.set("orderId", orderId);
  await requireUser(`/checkout/fail?${query}`, { consent: false });

  if (!code || !orderId) {
    return <PaymentFailure message={failureMessage(code, message)} code={code} retryHref={null} orderHref={null} />;
  }

  const result = await handlePaymentFailure({ code, message, orderId });
  if (!result.ok) {
    return <PaymentFailure message={result.error.message} code={null} retryHref={null} orderHref={null} />;
  }
  const order = result.data;
  const orderHref = `/orders/${encodeURIComponent(order.orderId)}`;
  if (code === PAY_PROCESS_CANCELED) redirect(order.status === "CANCELED" ? "/pricing?canceled=1" : orderHref);

  const canRetry = order.status === "PENDING" && !order.processing;
  const retryHref = canRetry
    ? `/checkout?product=${encodeURIComponent(order.productCode)}&orderId=${encodeURIComponent(order.orderId)}`
    : null;
  return <PaymentFailure message={failureMessage(code, message)} code={code} retryHref={retryHref} orderHref={orderHref} />;
}
