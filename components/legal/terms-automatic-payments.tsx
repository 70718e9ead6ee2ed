// 이용약관 제7조의2: automatic purchases (자동결제, issue #23), only where billing is available, as the code
// does them: a card saved through Toss's billing (the billing key and the masked number kept, never the
// card number: lib/billing/cards.ts); the monthly plan charged on the buyer's day, its first month at once
// unless a plan charge was paid this Seoul month (lib/billing/plan.ts); the threshold top-up after a spend,
// once per crossing and at most AUTO_TOP_UP_DAILY_CAP a Seoul day, only with AUTO_TOP_UP_ENABLED
// (lib/billing/top-up.ts); nothing charged before the buyer agrees to the pack, price and day or threshold
// (lib/billing/agreement.ts); the notice PLAN_NOTICE_DAYS before each monthly charge with its one-click
// cancel, on the account page and by e-mail only when SMTP_URL is set (lib/billing/plan-notices.ts,
// lib/notices); a declined charge stopping it, never retried, the buyer told why; removing the card ending
// both (actions/billing.ts); an operator's stop told to the buyer (lib/admin/disable-auto-charge-as-operator.ts).
import type { BillingTerms } from "@/lib/legal/context";
import { Bullets, Clauses, type LegalSection } from "./legal-parts";

export const AUTOMATIC_PAYMENTS_ARTICLE_ID = "article-7-2";

/** How the buyer is told, with its particle: the account page always, their e-mail only when the shop sends e-mail. */
function toldBy(billing: BillingTerms): string {
  return billing.emailNotices ? "‘내 크레딧’ 화면의 알림과 회원의 이메일(이메일 주소가 있는 경우)로" : "‘내 크레딧’ 화면의 알림으로";
}

/** The article, or null when this deployment offers no automatic purchase. */
export function automaticPaymentsArticle(billing: BillingTerms | null): LegalSection | null {
  if (!billing) return null;
  const { topUp, dailyCap, noticeDays } = billing;
  const both = topUp ? "정기 충전이나 자동충전" : "정기 충전";
  const toldVia = toldBy(billing);
  return {
    id: AUTOMATIC_PAYMENTS_ARTICLE_ID,
    title: topUp ? "제7조의2 (자동결제: 정기 충전과 자동충전)" : "제7조의2 (자동결제: 정기 충전)",
    body: (
      <Clauses>
        <li>
          회원은 카드를 등록하고 회원이 고른 크레딧 팩을 그 카드로 자동으로 사는 다음 자동결제를 이용할 수 있습니다.
          <Bullets>
            <li>
              <strong>정기 충전</strong>: 매월 회원이 고른 결제일(1일~28일, 한국 시간)에 회원이 고른 크레딧 팩을 결제합니다. 정기 충전을
              시작하거나 바꿀 때 그달(한국 시간)에 아직 정기 충전 결제가 없었으면 첫 결제는 바로 이루어지고, 이미 있었으면 다음 달 결제일부터
              결제합니다.
            </li>
            {topUp ? (
              <li>
                <strong>자동충전</strong>: 크레딧을 쓰거나 사용 예약한 뒤 남은 잔액이 회원이 정한 기준 크레딧보다 적으면 회원이 고른 크레딧
                팩을 결제합니다.
              </li>
            ) : null}
          </Bullets>
        </li>
        <li>
          <strong>카드를 등록하는 것만으로는 아무것도 결제되지 않습니다.</strong> 회사는 회원이 {both}을 시작하거나 바꿀 때 결제할 크레딧
          팩과 금액, {topUp ? "결제일(자동충전은 기준 크레딧)" : "결제일"}을 보여 드리고, 회원이 그 내용에 동의한 뒤에만 결제합니다. 회사는
          회원이 동의한 문구와 동의 일시를 기록합니다.
        </li>
        <li>
          자동결제는 토스페이먼츠 주식회사의 자동결제(빌링) 서비스로 이루어집니다. 카드는 토스페이먼츠의 카드 등록 화면에서 등록하며,{" "}
          <strong>회사는 카드번호를 받거나 보관하지 않고</strong> 토스페이먼츠가 발급한 빌링키(등록한 카드로 결제를 요청하는 데 쓰는 값)와
          카드사, 가려진 카드번호, 카드 종류만 보관합니다. 카드는 한 장만 등록할 수 있으며, 새 카드를 등록하면 이전 카드는 삭제되고 그다음
          자동결제부터 새 카드로 결제합니다.
        </li>
        <li>
          회사는 정기 충전의 <strong>매월 결제일 {noticeDays}일 전에</strong> 결제할 크레딧 팩, 금액, 결제일과 카드를 {toldVia} 알립니다. 이
          알림에는 로그인하지 않고도 정기 충전을 바로 해지할 수 있는 링크가 있습니다. 정기 충전을 시작하거나 바꿀 때 바로 이루어지는 결제는
          그 화면에서 동의한 결제이므로 따로 미리 알리지 않습니다.
          {topUp ? " 자동충전은 잔액이 기준 크레딧보다 적어질 때 결제하므로 미리 알리지 않습니다." : ""} 자동결제 내역은 주문 내역과 &lsquo;내
          크레딧&rsquo; 화면에서 볼 수 있습니다.
        </li>
        <li>
          회원은 &lsquo;내 크레딧&rsquo; 화면에서 언제든지 정기 충전을 멈추거나 다시 시작하거나 해지할 수 있고{topUp ? ", 자동충전을 끌 수 있으며" : ""},
          등록한 카드를 삭제할 수 있습니다. 카드를 삭제하면 {topUp ? "정기 충전과 자동충전이 모두" : "정기 충전도"} 해지됩니다. 멈추면 다시
          시작할 때까지, 해지하거나{topUp ? " 끄거나" : ""} 카드를 삭제하면 그 뒤로는 자동으로 결제되지 않습니다. 이미 이루어진 결제는 그대로
          유지되며, 그 크레딧 팩의 청약철회와 환불은 제8조와 제9조에 따릅니다.
        </li>
        <li>
          카드사나 토스페이먼츠가 자동결제를 거절하면 그 {both}은 중지되고, <strong>거절된 결제는 다시 시도하지 않으며</strong> 크레딧도
          지급되지 않습니다. 등록한 카드가 삭제되었거나 결제할 크레딧 팩의 판매가 끝나 결제할 수 없는 경우에도 같습니다. 회사는 중지된 사실과
          그 사유를 {toldVia} 알리며, 회원은 카드를 확인한 뒤 &lsquo;내 크레딧&rsquo; 화면에서 다시 시작할 수 있습니다.
        </li>
        {topUp ? (
          <li>
            자동충전은 잔액이 기준 크레딧보다 적어질 때마다 한 번 결제하며, 그 결제가 끝나기 전에는 크레딧을 더 써도 다시 결제하지 않습니다.{" "}
            <strong>한 회원에게 한국 시간으로 하루에 최대 {dailyCap}번까지만 결제</strong>하며, 그 뒤에는 다음 날이 될 때까지 결제하지
            않습니다. 결제한 뒤에도 잔액이 기준 크레딧보다 적으면 다음에 크레딧을 쓸 때 다시 결제될 수 있습니다.
          </li>
        ) : null}
        <li>
          회사는 부정 이용이 의심되는 경우 등 정당한 사유가 있으면 회원의 {both}을 중지할 수 있습니다. 이때 회사는 중지한 사실을{" "}
          {toldVia} 알리며, 그 뒤로는 자동으로 결제되지 않습니다. 이미 결제된 크레딧은 그대로 남으며, 궁금한 점은 고객센터로 문의할 수 있습니다.
        </li>
        <li>
          <strong>자동결제로 산 크레딧 팩도 다른 크레딧 팩과 같습니다.</strong> 크레딧의 유효기간, 사용 순서와 결제 취소 시 회수는 제6조,
          청약철회는 제8조, 환불 방법과 기한은 제9조와 환불정책에 따르며, 청약철회 기간은 그 자동결제가 완료된 날부터 셉니다.
        </li>
      </Clauses>
    ),
  };
}
