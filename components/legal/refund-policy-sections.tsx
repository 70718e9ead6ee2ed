// 환불정책: the terms' withdrawal and refund rules in detail, with the numbers the code uses (the window
// from REFUND_WINDOW_DAYS, the validity from CREDIT_VALIDITY_MONTHS, the packs and their per-credit price
// from the catalog, the proportional take-back of a partial cancel: lib/credits/cancel-reversals.ts). A
// pack is judged by its own lot (refundBlocker, lib/payments/refund-order.ts), and credits are used in
// LOT_ORDER (lib/credits/lots.ts): bonus first, then the earliest expiry, then the oldest. A pack bought by
// an automatic purchase (where offered) is an order like any other and refunded the same way.
import type { LegalContext } from "@/lib/legal/context";
import { creditValidityText } from "@/lib/legal/credit-validity-text";
import { refundWindowExample } from "@/lib/legal/refund-window-text";
import { proportionalCredits } from "@/lib/credits/cancel-reversals";
import { formatWon } from "@/lib/format";
import { automaticPurchaseNames } from "@/lib/legal/automatic-purchases-text";
import { Bullets, Clauses, DocLink, FactGroup, FactGroups, Paragraph, type LegalSection } from "./legal-parts";
import { AUTOMATIC_PAYMENTS_ARTICLE_ID } from "./terms-automatic-payments";

/** A partial refund of two credits' worth of the first pack that has more than two, as the code takes them back. */
function partialRefundExample(products: LegalContext["products"]) {
  const pack = products.find((product) => product.credits > 2);
  if (!pack) return null;
  const refund = Math.floor((pack.price / pack.credits) * 2);
  return { name: pack.name, refund, credits: proportionalCredits(refund, pack.credits, pack.price) };
}

/** Two packs bought one after the other, and the first one's worth of credits used: the first pack's were. */
function twoPacksExample(products: LegalContext["products"]) {
  const [first, second] = products;
  return first && second ? { first: first.name, second: second.name, used: first.credits } : null;
}

export function refundPolicySections(ctx: LegalContext): LegalSection[] {
  const { refundWindowDays: days, business } = ctx;
  const example = refundWindowExample(days);
  const partial = partialRefundExample(ctx.products);
  const twoPacks = twoPacksExample(ctx.products);
  const validity = creditValidityText(ctx.creditValidityMonths);
  return [
    {
      id: "summary",
      title: "한눈에 보기",
      body: (
        <FactGroups>
          <FactGroup
            title={`결제 후 ${days}일 이내, 크레딧을 쓰지 않은 팩`}
            facts={[
              { label: "환불", value: "전액 환불(청약철회)" },
              { label: "방법", value: "주문 상세 화면의 환불 버튼으로 직접, 또는 고객센터에 요청" },
            ]}
          />
          <FactGroup
            title="크레딧을 일부라도 쓴 팩"
            facts={[
              { label: "환불", value: "청약철회 불가. 쓰지 않은 크레딧에 해당하는 금액은 고객센터에 요청해 환불" },
              { label: "방법", value: "고객센터에 요청" },
            ]}
          />
          <FactGroup
            title={`결제 후 ${days}일이 지난 팩`}
            facts={[
              { label: "환불", value: "쓰지 않은 크레딧(유효기간 안의 것)에 해당하는 금액 환불" },
              { label: "방법", value: "고객센터에 요청" },
            ]}
          />
          <FactGroup
            title="유효기간이 지난 크레딧, 보너스 크레딧"
            facts={[
              { label: "환불", value: "환불되지 않음. 유효기간이 지난 크레딧은 소멸" },
              { label: "유효기간", value: `유료 크레딧은 결제일부터 ${validity}, 보너스 크레딧은 지급할 때 알리는 기간` },
            ]}
          />
        </FactGroups>
      ),
    },
    {
      id: "withdrawal",
      title: `1. 결제 후 ${days}일 이내의 청약철회`,
      body: (
        <Clauses>
          <li>
            크레딧을 하나도 쓰지 않은 크레딧 팩은 결제일로부터 {days}일 이내에 청약철회하고 <strong>결제 금액 전액</strong>을 돌려받을 수
            있습니다.
          </li>
          <li>
            기간은 한국 시간으로 셉니다. 결제한 날은 세지 않고 다음 날부터 세어 {days}일째 되는 날 23시 59분까지입니다. 예를 들어{" "}
            {example.paidOn} 밤 11시 30분에 결제했다면 {example.lastDay} 23시 59분까지 철회할 수 있습니다. 가상계좌는 입금이 확인된 때가
            결제 시점입니다.
          </li>
          <li>
            크레딧 팩을 쓰지 않았는지는 <strong>팩마다, 그 팩에서 지급된 크레딧으로</strong> 봅니다. 그 팩의 크레딧이 하나도 쓰이지 않았고 사용
            예약 중인 것도 없으면 쓰지 않은 팩입니다. 크레딧은 보너스 크레딧부터, 그다음 유효기간이 먼저 끝나는 것부터 쓰이므로
            {twoPacks
              ? ` 보통 먼저 산 팩의 크레딧이 먼저 쓰입니다. 예를 들어 ${twoPacks.first}을 산 뒤 ${twoPacks.second}을 사고 크레딧 ${twoPacks.used}개를 썼다면 쓰인 것은 ${twoPacks.first}의 크레딧이고, ${twoPacks.second}은 쓰지 않은 팩으로 환불할 수 있습니다.`
              : " 보통 먼저 산 팩의 크레딧이 먼저 쓰입니다."}{" "}
            팩별로 남은 크레딧은 &lsquo;내 크레딧&rsquo; 화면의 &lsquo;크레딧 묶음&rsquo;에서 볼 수 있습니다.
          </li>
          <li>
            주문 상세 화면에서 환불 버튼을 누르면 곧바로 결제가 취소되고 그 팩의 크레딧이 회수됩니다. 고객센터로 요청하셔도 됩니다.
          </li>
          {ctx.billing ? (
            <li>
              {automaticPurchaseNames(ctx.billing)}으로 자동결제된 크레딧 팩도 다른 크레딧 팩과 똑같이 이 정책에 따라 청약철회하고 환불받을 수
              있으며, 기간은 그 자동결제가 완료된 때부터 셉니다(자동결제를 멈추거나 해지하는 방법은 <DocLink href={`/terms#${AUTOMATIC_PAYMENTS_ARTICLE_ID}`}>이용약관
              제7조의2</DocLink>에 있습니다).
            </li>
          ) : null}
        </Clauses>
      ),
    },
    {
      id: "used",
      title: "2. 크레딧을 쓴 팩",
      body: (
        <Clauses>
          <li>
            크레딧은 디지털 콘텐츠이므로 전자상거래법 제17조 제2항에 따라 <strong>크레딧을 일부라도 쓴 팩은 청약철회할 수 없습니다.</strong>{" "}
            이 제한은 결제하기 전에 요금제 화면과 결제 화면에 표시합니다.
          </li>
          <li>
            다만 그 팩에서 쓰지 않은 크레딧(유효기간이 지나지 않은 것)에 해당하는 금액은 고객센터에 요청하면 돌려드립니다. 금액은 크레딧 1개의
            구매 단가(팩 가격 ÷ 크레딧 수) × 쓰지 않은 크레딧 수이며, 수수료는 받지 않습니다.
          </li>
        </Clauses>
      ),
    },
    {
      id: "after-window",
      title: `3. ${days}일이 지난 뒤`,
      body: (
        <Clauses>
          <li>
            결제 후 {days}일이 지나면 주문 상세 화면에서 직접 환불할 수 없습니다. 고객센터에 요청하시면 회사가 주문과 크레딧 사용 내역을 확인한
            뒤 쓰지 않은 크레딧에 해당하는 금액(위 2항과 같은 방법으로 계산)을 돌려드립니다.
          </li>
          <li>회사가 이벤트, 보상 등으로 무상 지급한 보너스 크레딧은 환불 대상이 아닙니다.</li>
        </Clauses>
      ),
    },
    {
      id: "validity",
      title: "4. 유효기간과 만료",
      body: (
        <Clauses>
          <li>
            크레딧 팩을 사서 받은 크레딧의 유효기간은 <strong>결제가 완료된 때부터 {validity}</strong>이며, 팩마다 따로 계산합니다(가상계좌는
            입금이 확인된 때부터). 보너스 크레딧의 유효기간은 지급할 때 따로 알립니다.
          </li>
          <li>크레딧은 보너스 크레딧부터, 그다음 유효기간이 먼저 끝나는 크레딧부터(같으면 먼저 받은 크레딧부터) 씁니다.</li>
          <li>
            <strong>유효기간이 지난 크레딧은 소멸하며 환불되지 않습니다.</strong> 다음에 만료되는 크레딧의 수와 만료일은 &lsquo;내
            크레딧&rsquo; 화면에서 볼 수 있습니다.
          </li>
        </Clauses>
      ),
    },
    {
      id: "unit-prices",
      title: "5. 크레딧 팩별 구매 단가",
      body: (
        <>
          <Paragraph>표시된 가격은 부가가치세가 포함된 금액입니다.</Paragraph>
          <Bullets>
            {ctx.products.map((product) => (
              <li key={product.code}>
                {product.name}: {formatWon(product.price)}, 크레딧 {product.credits}개 — 크레딧 1개당{" "}
                {formatWon(Math.floor(product.price / product.credits))}
              </li>
            ))}
          </Bullets>
          {partial ? (
            <Paragraph>
              일부 금액을 환불하면 환불 금액에 비례한 크레딧(1개 미만은 버림)을 그 팩에서 회수합니다. 예를 들어 {partial.name}에서{" "}
              {formatWon(partial.refund)}을 환불하면 크레딧 {partial.credits}개를 회수합니다.
            </Paragraph>
          ) : null}
        </>
      ),
    },
    {
      id: "how",
      title: "6. 환불 방법과 기한",
      body: (
        <Clauses>
          <li>
            환불은 결제한 수단 그대로, 토스페이먼츠를 통한 결제 취소로 합니다. 회사는 환불 요청을 받은 날부터 <strong>3영업일 이내</strong>에
            결제를 취소합니다. 주문 상세 화면에서 직접 환불하면 곧바로 취소됩니다.
          </li>
          <li>카드 결제는 카드사에 따라 취소가 반영되기까지 며칠이 더 걸릴 수 있습니다. 간편결제는 해당 결제 서비스의 정책에 따릅니다.</li>
          <li>
            <strong>가상계좌</strong>로 결제한 경우에는 환불받을 계좌(은행, 계좌번호, 예금주)를 입력하거나 고객센터에 알려 주셔야 환불할 수
            있습니다. 입력한 계좌 정보는 토스페이먼츠에 전달되며 회사는 저장하지 않습니다.
          </li>
          <li>
            환불되면 그 결제로 산 크레딧 팩에 남은 크레딧에서 환불 금액에 해당하는 크레딧을 회수합니다. 그 팩에 남아 있지 않은 크레딧(이미
            쓰거나 만료된 것)은 다른 크레딧 팩이나 보너스 크레딧에서 회수하지 않습니다.
          </li>
        </Clauses>
      ),
    },
    {
      id: "exceptions",
      title: "7. 회사의 잘못이나 잘못된 결제",
      body: (
        <Bullets>
          <li>잘못 결제된 금액(과오금)은 사용 여부와 기간에 관계없이 전액 돌려드립니다.</li>
          <li>회사의 잘못으로 크레딧을 쓰지 못한 경우에는 그 크레딧을 돌려드리거나 해당 금액을 환불합니다.</li>
          <li>
            서비스가 표시·광고된 내용과 다르게 제공된 경우에는 제공받은 날부터 3개월 이내, 그 사실을 안 날 또는 알 수 있었던 날부터 30일
            이내에 청약철회할 수 있습니다.
          </li>
        </Bullets>
      ),
    },
    {
      id: "contact",
      title: "8. 환불 문의",
      body: (
        <Paragraph>
          고객센터 전화 {business.phone}, 이메일 {business.email}. 청약철회와 환불의 일반 조건은 <DocLink href="/terms">이용약관</DocLink>{" "}
          제8조와 제9조에, 크레딧의 유효기간과 사용 순서는 제6조에도 있습니다.
        </Paragraph>
      ),
    },
  ];
}
