import Link from "next/link";
import { creditValidityText } from "@/lib/legal/credit-validity-text";

/**
 * The rules a buyer must see before paying (전자상거래법 §17 ②, KOREA.md): what a credit buys, how long it
 * stays valid and in what order credits are used, and when a pack can be withdrawn. Shown on /pricing and
 * /checkout, beside the price; the numbers are the ones the code enforces (REFUND_WINDOW_DAYS:
 * lib/payments/refund-window.ts; CREDIT_VALIDITY_MONTHS: each paid pack's lot, lib/credits/ledger.ts; the
 * order of use: LOT_ORDER in lib/credits/lots.ts; a refund needs the pack's own lot untouched:
 * refundBlocker in lib/payments/refund-order.ts).
 */
export function PurchaseRules({
  refundWindowDays,
  creditValidityMonths,
  headingLevel = 2,
}: {
  refundWindowDays: number;
  creditValidityMonths: number;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const validity = creditValidityText(creditValidityMonths);
  return (
    <section aria-labelledby="purchase-rules-title" className="rounded-2xl bg-white p-5 text-sm leading-relaxed ring-1 ring-gray-200 sm:p-6">
      <Heading id="purchase-rules-title" className="font-bold text-ink">
        구매 전에 확인해 주세요
      </Heading>
      <ul className="mt-3 list-disc space-y-1.5 pl-5 text-ink-soft marker:text-gray-400">
        <li>가격은 부가세를 포함한 금액이에요.</li>
        <li>크레딧 1개로 프리미엄 생성을 한 번 할 수 있어요. 크레딧은 서비스 이용권이며 현금으로 바꿀 수 없어요.</li>
        <li>
          <strong className="font-semibold text-ink">유효기간:</strong> 구매한 크레딧은 결제일로부터 {validity} 동안 사용할 수 있어요.
          유효기간이 지난 크레딧은 사라지며 환불되지 않아요.
        </li>
        <li>
          <strong className="font-semibold text-ink">사용 순서:</strong> 이벤트 등으로 받은 보너스 크레딧을 먼저 쓰고(보너스 크레딧은 받을 때
          알려 드리는 유효기간이 따로 있어요), 그다음 유효기간이 먼저 끝나는 크레딧부터 써요. 팩을 여러 개 샀다면 보통 먼저 산 팩의 크레딧부터
          쓰여요.
        </li>
        <li>
          <strong className="font-semibold text-ink">청약철회:</strong> 결제일로부터 {refundWindowDays}일 안에(결제일 다음 날부터 {refundWindowDays}일째 되는 날 23:59까지), 그 팩의
          크레딧을 하나도 쓰지 않았다면 주문 상세에서 직접 전액 환불할 수 있어요. 팩마다 따로 판단하므로 다른 팩의 크레딧을 쓴 것은 상관없어요.
        </li>
        <li>
          크레딧을 한 개라도 사용한 팩(사용 예약 중인 크레딧 포함)은 디지털 콘텐츠의 사용이 시작된 것으로 보아 청약철회가 제한돼요(전자상거래법
          제17조 제2항).
        </li>
        <li>{refundWindowDays}일이 지난 뒤 사용하지 않은 팩의 환불은 고객센터로 요청해 주세요. 환불정책에 따라 처리해 드려요.</li>
      </ul>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
        <Link href="/refund-policy" className="inline-flex min-h-10 items-center font-semibold text-brand-700 underline underline-offset-4">
          환불정책
        </Link>
        <Link href="/terms" className="inline-flex min-h-10 items-center font-semibold text-brand-700 underline underline-offset-4">
          이용약관
        </Link>
      </p>
    </section>
  );
}
