import type { Metadata } from "next";
import { PaymentResult } from "@/components/checkout/payment-result";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { confirmSchema } from "@/lib/payments/schemas";

export const metadata: Metadata = { title: "결제 확인" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// GET /checkout/success?paymentType&orderId&paymentKey&amount: where Toss sends the buyer after
// authentication. The confirm runs in the browser (PaymentResult) through handlePaymentSuccess.
export default async function CheckoutSuccessPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const input = { paymentKey: first(params.paymentKey), orderId: first(params.orderId), amount: first(params.amount) };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ paymentType: first(params.paymentType), ...input })) {
    if (value) query.set(key, value);
  }
  await requireUser(`/checkout/success?${query}`, { consent: false });

  const parsed = confirmSchema.safeParse(input);
  if (!parsed.success) {
    return (
      <div className="space-y-4 py-6">
        <h1 className="text-2xl font-bold">결제 정보를 확인할 수 없어요</h1>
        <p className="text-ink-soft">
          주소에 결제 정보가 빠져 있거나 올바르지 않아요. 결제가 끝났다면 주문 내역에서 확인할 수 있어요.
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <ButtonLink href="/orders">주문 내역 보기</ButtonLink>
          <ButtonLink href="/pricing" variant="ghost">
            요금제로 돌아가기
          </ButtonLink>
        </div>
      </div>
    );
  }
  const { paymentKey, orderId, amount } = parsed.data;
  return <PaymentResult key={`${orderId}:${paymentKey}`} paymentKey={paymentKey} orderId={orderId} amount={amount} />;
}
