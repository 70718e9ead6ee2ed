import { ButtonLink } from "@/components/ui/button";

// /checkout with an unknown or retired product code (an old link, a typo).
export default function CheckoutNotFound() {
  return (
    <div className="space-y-4 py-6 text-center">
      <h1 className="text-xl font-bold">찾을 수 없는 상품이에요</h1>
      <p className="text-ink-soft">판매가 끝났거나 주소가 잘못된 것 같아요. 요금제에서 다시 골라 주세요.</p>
      <ButtonLink href="/pricing">요금제 보기</ButtonLink>
    </div>
  );
}
