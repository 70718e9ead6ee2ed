// 이용약관, article by article, from the business profile and what the code does: credits as a
// service-usage right kept in lots (lib/credits/lots.ts), paid ones valid CREDIT_VALIDITY_MONTHS from the
// payment and bonuses for their own period, used bonus first, then earliest expiry, then oldest (LOT_ORDER),
// gone once expired (lib/credits/expiry.ts); VAT-included prices, payment through Toss Payments, the buyer's
// withdrawal window from REFUND_WINDOW_DAYS (counted in Seoul days, lib/payments/refund-window.ts) for a pack
// whose own credits are untouched (refundBlocker), refunds through Toss's cancel, and a cancel taking
// credits back from that pack only (what it no longer has is not taken from others). Automatic purchases
// (제7조의2) only where offered: terms-automatic-payments.tsx.
import type { LegalContext } from "@/lib/legal/context";
import { creditValidityText } from "@/lib/legal/credit-validity-text";
import { refundWindowExample } from "@/lib/legal/refund-window-text";
import { Bullets, Clauses, DocLink, Paragraph, type LegalSection } from "./legal-parts";
import { automaticPaymentsArticle } from "./terms-automatic-payments";

function socialSignIn({ kakao, google }: LegalContext["oauth"]): string {
  const providers = [kakao && "카카오", google && "Google"].filter(Boolean);
  return providers.length ? `, 또는 ${providers.join("·")} 계정` : "";
}

export function termsSections(ctx: LegalContext): LegalSection[] {
  const { business, refundWindowDays: days } = ctx;
  const example = refundWindowExample(days);
  const validity = creditValidityText(ctx.creditValidityMonths);
  const automaticPayments = automaticPaymentsArticle(ctx.billing);
  return [
    {
      id: "article-1",
      title: "제1조 (목적)",
      body: (
        <Paragraph>
          이 약관은 {business.name}(이하 &ldquo;회사&rdquo;)가 운영하는 크레딧 샵(이하 &ldquo;서비스&rdquo;)에서 크레딧 팩을 사고 크레딧을 쓰는
          데 관하여 회사와 회원의 권리, 의무와 책임을 정합니다.
        </Paragraph>
      ),
    },
    {
      id: "article-2",
      title: "제2조 (정의)",
      body: (
        <Clauses>
          <li>&ldquo;회원&rdquo;이란 이 약관에 동의하고 회원가입을 하여 서비스를 이용하는 사람을 말합니다.</li>
          <li>
            &ldquo;크레딧&rdquo;이란 서비스의 유료 기능(프리미엄 생성 등)을 이용할 수 있는 <strong>서비스 이용권</strong>을 말합니다.
          </li>
          <li>&ldquo;크레딧 팩&rdquo;이란 정해진 수의 크레딧을 묶어 파는 상품을 말합니다.</li>
          <li>&ldquo;유료 크레딧&rdquo;이란 회원이 크레딧 팩을 사서 받은 크레딧을 말합니다.</li>
          <li>
            &ldquo;보너스 크레딧&rdquo;이란 회사가 이벤트, 보상 등으로 회원에게 무상으로 지급하는 크레딧을 말합니다.
          </li>
          <li>
            &ldquo;청약철회&rdquo;란 「전자상거래 등에서의 소비자보호에 관한 법률」(이하 &ldquo;전자상거래법&rdquo;) 제17조에 따라 구매를
            취소하고 결제 금액을 돌려받는 것을 말합니다.
          </li>
        </Clauses>
      ),
    },
    {
      id: "article-3",
      title: "제3조 (약관의 게시와 변경)",
      body: (
        <Clauses>
          <li>회사는 이 약관을 서비스의 모든 화면 아래쪽에 있는 &lsquo;이용약관&rsquo; 링크로 게시합니다.</li>
          <li>
            회사는 관련 법령을 어기지 않는 범위에서 약관을 바꿀 수 있습니다. 바꿀 때는 적용일과 바꾸는 이유를 밝혀 적용일 7일 전부터(회원에게
            불리한 변경은 30일 전부터) 서비스 화면에 알립니다.
          </li>
          <li>바뀐 약관은 새 버전 번호와 시행일을 붙여 게시하며, 이전 버전의 목록은 이 페이지 아래쪽 &lsquo;개정 이력&rsquo;에 남깁니다.</li>
          <li>바뀐 약관에 동의하지 않는 회원은 이용계약을 해지(회원 탈퇴)할 수 있습니다.</li>
        </Clauses>
      ),
    },
    {
      id: "article-4",
      title: "제4조 (회원가입과 계정)",
      body: (
        <Clauses>
          <li>회원가입은 이메일 주소와 비밀번호{socialSignIn(ctx.oauth)}로 할 수 있습니다.</li>
          <li>회원은 자기 계정을 스스로 관리해야 하며, 다른 사람이 쓰게 해서는 안 됩니다.</li>
          <li>
            회원은 언제든지 고객센터에 회원 탈퇴를 요청할 수 있으며, 회사는 지체 없이 처리합니다. 법령에 따라 보관해야 하는 주문·결제 기록은{" "}
            <DocLink href="/privacy">개인정보처리방침</DocLink>에서 정한 기간 동안 보관합니다.
          </li>
        </Clauses>
      ),
    },
    {
      id: "article-5",
      title: "제5조 (서비스의 내용)",
      body: (
        <Clauses>
          <li>
            회원은 크레딧 팩을 사서 크레딧을 받고, 크레딧으로 프리미엄 생성 기능을 이용할 수 있습니다. 프리미엄 생성은 한 번에 크레딧{" "}
            {ctx.premiumCost}개를 씁니다.
          </li>
          <li>판매하는 크레딧 팩의 구성과 가격은 요금제 화면에 표시합니다.</li>
          <li>회사는 시스템 점검, 장애 등 부득이한 사유가 있으면 서비스를 일시 중단할 수 있으며, 미리 알릴 수 있는 경우에는 미리 알립니다.</li>
        </Clauses>
      ),
    },
    {
      id: "article-6",
      title: "제6조 (크레딧)",
      body: (
        <Clauses>
          <li>
            <strong>크레딧은 서비스 이용권이며 현금으로 교환되지 않습니다.</strong> 다만 청약철회와 환불은 제8조, 제9조와{" "}
            <DocLink href="/refund-policy">환불정책</DocLink>에 따릅니다.
          </li>
          <li>크레딧은 다른 회원에게 넘기거나 선물할 수 없습니다.</li>
          <li>
            <strong>유료 크레딧의 유효기간은 결제가 완료된 때부터 {validity}입니다.</strong> 유효기간은 크레딧 팩마다 따로 계산하며, 가상계좌로
            결제한 경우에는 입금이 확인된 때부터 계산합니다.
          </li>
          <li>보너스 크레딧의 유효기간은 회사가 지급할 때 따로 정하여 알립니다.</li>
          <li>
            <strong>크레딧은 보너스 크레딧부터 먼저 쓰고, 그다음 유효기간이 먼저 끝나는 크레딧부터 씁니다.</strong> 유효기간이 끝나는 때가
            같으면 먼저 받은 크레딧부터 씁니다.
          </li>
          <li>
            <strong>유효기간이 지난 크레딧은 소멸하며, 소멸한 크레딧은 쓸 수 없고 환불되지 않습니다.</strong> 회사는 다음에 만료되는 크레딧의
            수와 만료일, 크레딧 팩별 유효기간을 &lsquo;내 크레딧&rsquo; 화면에 표시합니다.
          </li>
          <li>
            크레딧은 결제가 완료되는 즉시 지급되고, 쓰는 즉시 차감됩니다. 시간이 걸리는 작업에는 작업이 끝날 때까지 크레딧을 사용
            예약해 두며, 작업이 실패하거나 취소되면 예약한 크레딧을 원래의 크레딧 팩으로 돌려드립니다. 지급·사용·만료 내역은 어느 크레딧 팩의
            크레딧인지와 함께 &lsquo;내 크레딧&rsquo; 화면에서 볼 수 있습니다.
          </li>
          <li>
            결제가 취소되면(청약철회, 환불, 결제 취소) 그 결제로 산 크레딧 팩에 남은 크레딧을 회수합니다. 결제 금액의 일부만 취소되면 취소
            금액에 비례한 크레딧(1개 미만은 버림)을 그 팩에서 회수합니다. 회수할 크레딧이 그 팩에 남아 있지 않으면(이미 쓰거나 사용 예약
            중이거나 만료된 경우) 다른 크레딧 팩이나 보너스 크레딧에서 회수하지 않습니다.
          </li>
          <li>보너스 크레딧은 환불 대상이 아닙니다.</li>
        </Clauses>
      ),
    },
    {
      id: "article-7",
      title: "제7조 (가격과 결제)",
      body: (
        <Clauses>
          <li>서비스에 표시된 가격은 부가가치세가 포함된 금액입니다.</li>
          <li>
            결제는 토스페이먼츠 주식회사의 전자결제 서비스로 이루어집니다. 결제수단(신용·체크카드, 가상계좌, 간편결제 등)은 결제 화면에
            표시된 것 중에서 고를 수 있습니다. 카드번호 등 결제수단 정보는 토스페이먼츠 결제창에 직접 입력하며 회사는 받지 않습니다.
          </li>
          <li>가상계좌로 결제하면 입금이 확인될 때 결제가 완료되고 크레딧이 지급됩니다. 입금 기한이 지나면 주문은 만료됩니다.</li>
          <li>미성년자가 법정대리인의 동의 없이 결제한 경우 본인 또는 법정대리인이 그 결제를 취소할 수 있습니다.</li>
        </Clauses>
      ),
    },
    ...(automaticPayments ? [automaticPayments] : []),
    {
      id: "article-8",
      title: "제8조 (청약철회)",
      body: (
        <Clauses>
          <li>
            회원은 <strong>사용하지 않은 크레딧 팩을 결제일로부터 {days}일 이내에 청약철회</strong>하고 결제 금액 전액을 돌려받을 수 있습니다.
            기간은 결제한 날의 다음 날부터 세어 {days}일째 되는 날 23시 59분(한국 시간)까지입니다. 예를 들어 {example.paidOn} 밤 11시 30분에
            결제했다면 {example.lastDay} 23시 59분까지 철회할 수 있습니다.
          </li>
          <li>
            크레딧 팩을 사용했는지는 <strong>크레딧 팩마다 그 팩에서 지급된 크레딧으로</strong> 판단합니다. 그 팩의 크레딧이 하나도 쓰이지
            않았고 사용 예약 중인 것도 없으면, 다른 크레딧 팩이나 보너스 크레딧을 쓴 것과 관계없이 청약철회할 수 있습니다.
          </li>
          <li>청약철회는 주문 상세 화면의 환불 버튼으로 직접 하거나, 고객센터에 요청해서 할 수 있습니다.</li>
          <li>
            크레딧은 디지털 콘텐츠이므로, 전자상거래법 제17조 제2항에 따라{" "}
            <strong>크레딧을 일부라도 쓴 크레딧 팩은 청약철회할 수 없습니다.</strong> 회사는 이 제한을 결제하기 전에 요금제 화면과 결제 화면에
            표시합니다. 다만 그 팩에서 쓰지 않은 크레딧(유효기간이 지나지 않은 것)에 해당하는 금액은 환불정책에 따라 고객센터에 환불을 요청할 수 있습니다.
          </li>
          <li>
            {days}일이 지난 뒤에는 고객센터에 환불을 요청할 수 있으며, 회사는 <DocLink href="/refund-policy">환불정책</DocLink>에 따라
            처리합니다.
          </li>
          <li>
            서비스가 표시·광고된 내용과 다르거나 계약 내용과 다르게 제공된 경우에는 제공받은 날부터 3개월 이내, 그 사실을 안 날 또는 알 수
            있었던 날부터 30일 이내에 청약철회할 수 있습니다.
          </li>
        </Clauses>
      ),
    },
    {
      id: "article-9",
      title: "제9조 (환불 방법과 기한)",
      body: (
        <Clauses>
          <li>
            환불은 결제한 수단 그대로 토스페이먼츠를 통한 결제 취소로 합니다. 회사는 청약철회나 환불 요청을 받은 날부터 3영업일 이내에 결제를
            취소합니다(주문 상세 화면에서 직접 환불하면 곧바로 취소됩니다). 카드 결제는 카드사에 따라 취소가 반영되기까지 며칠이 더 걸릴 수
            있습니다.
          </li>
          <li>가상계좌로 결제한 경우에는 환불받을 계좌(은행, 계좌번호, 예금주)를 알려 주셔야 환불할 수 있습니다.</li>
          <li>잘못 결제된 금액(과오금)은 사용 여부와 관계없이 전액 돌려드립니다.</li>
        </Clauses>
      ),
    },
    {
      id: "article-10",
      title: "제10조 (회원의 의무)",
      body: (
        <>
          <Paragraph>회원은 다음 행위를 해서는 안 됩니다.</Paragraph>
          <Bullets>
            <li>다른 사람의 정보나 결제수단을 도용하는 행위</li>
            <li>서비스의 정상적인 운영을 방해하거나, 허용되지 않은 방법으로 서비스에 접근하는 행위</li>
            <li>크레딧을 사고팔거나 현금 등으로 바꾸는 행위</li>
            <li>관련 법령을 어기는 행위</li>
          </Bullets>
        </>
      ),
    },
    {
      id: "article-11",
      title: "제11조 (회사의 의무와 책임)",
      body: (
        <Clauses>
          <li>회사는 관련 법령과 이 약관을 지키며, 지속적이고 안정적으로 서비스를 제공하려고 노력합니다.</li>
          <li>
            회사는 회원의 개인정보를 <DocLink href="/privacy">개인정보처리방침</DocLink>에 따라 보호합니다.
          </li>
          <li>회사의 잘못으로 회원이 크레딧을 쓰지 못한 경우 회사는 그 크레딧을 돌려주거나 해당 금액을 환불합니다.</li>
          <li>천재지변 등 회사가 통제할 수 없는 사유로 서비스를 제공하지 못한 경우에는 책임을 지지 않습니다.</li>
        </Clauses>
      ),
    },
    {
      id: "article-12",
      title: "제12조 (분쟁 해결)",
      body: (
        <Clauses>
          <li>
            서비스 이용에 관한 불만이나 문의는 고객센터(전화 {business.phone}, 이메일 {business.email})로 접수하며, 회사는 신속하게
            처리합니다.
          </li>
          <li>
            회사와 회원 사이의 분쟁은 한국소비자원(소비자상담센터 1372) 또는 전자거래분쟁조정위원회에 조정을 신청할 수 있습니다.
          </li>
          <li>이 약관과 서비스 이용에 관한 분쟁에는 대한민국 법을 적용하며, 소송은 민사소송법에 따른 관할 법원에 제기합니다.</li>
        </Clauses>
      ),
    },
    {
      id: "company",
      title: "회사 정보",
      body: (
        <Bullets>
          <li>상호: {business.name}</li>
          <li>대표자: {business.representative}</li>
          <li>사업자등록번호: {business.registrationNumber}</li>
          <li>
            통신판매업 신고번호: {business.mailOrderNumber} ({business.mailOrderOffice})
          </li>
          <li>주소: {business.address}</li>
          <li>
            고객센터: {business.phone}, {business.email}
          </li>
        </Bullets>
      ),
    },
  ];
}
