import { ButtonLink } from "@/components/ui/button";

export default function OrderNotFound() {
  return (
    <div className="space-y-4 py-6 text-center">
      <h1 className="text-xl font-bold">주문을 찾을 수 없어요</h1>
      <p className="text-ink-soft">주소를 다시 확인하거나 주문 내역에서 찾아 주세요.</p>
      <ButtonLink href="/orders">주문 내역 보기</ButtonLink>
    </div>
  );
}
