// 개인정보처리방침 (개인정보 보호법 §30, 시행령 §31): what is processed and why, for how long, who
// processes it for the shop (only the processors configured: lib/legal/processors.ts), transfers abroad,
// the buyer's rights, the safeguards the code really has, cookies, and the 개인정보 보호책임자. Automatic
// purchases (a saved card, the monthly plan, the threshold top-up, their notices) only where offered.
import type { LegalContext } from "@/lib/legal/context";
import { contactHref, mailtoHref, telHref } from "@/lib/legal/contact-links";
import { automaticPurchaseNames } from "@/lib/legal/automatic-purchases-text";
import { collectedItems, retentionPeriods, type PrivacyConfig } from "@/lib/legal/personal-data";
import { transfersAbroad } from "@/lib/legal/processors";
import { Bullets, Clauses, ExternalLink, FactGroup, FactGroups, Paragraph, type LegalSection } from "./legal-parts";

export function privacySections(ctx: LegalContext): LegalSection[] {
  const { business, processors } = ctx;
  const billing = ctx.billing ? { topUp: ctx.billing.topUp, emailNotices: ctx.billing.emailNotices } : null;
  const config: PrivacyConfig = { ...ctx.oauth, sentry: ctx.sentry, billing };
  const abroad = transfersAbroad(processors);
  const officer = business.privacyOfficer;
  return [
    {
      id: "purposes",
      title: "1. 개인정보의 처리 목적",
      body: (
        <>
          <Paragraph>회사는 다음 목적으로 개인정보를 처리하며, 목적이 바뀌면 미리 동의를 받는 등 필요한 조치를 합니다.</Paragraph>
          <Bullets>
            <li>회원 관리: 회원가입, 로그인(본인 확인), 계정 관리, 부정 이용(무차별 로그인 시도 등) 방지</li>
            <li>크레딧 판매 계약의 이행: 결제, 크레딧 지급·사용·회수, 청약철회와 환불, 영수증 제공</li>
            {billing ? (
              <li>
                자동결제({automaticPurchaseNames(billing)})의 제공: 등록한 카드로 회원이 동의한 결제, 동의 기록의 보관, 결제 예정·거절·중지
                알림{billing.emailNotices ? "과 그 이메일 발송" : ""}
              </li>
            ) : null}
            <li>고객 문의와 분쟁 처리</li>
            <li>법령에 따른 기록 보존</li>
            {ctx.sentry ? <li>서비스 오류의 탐지와 수정</li> : null}
          </Bullets>
          <Paragraph>회사는 광고·마케팅 목적으로 개인정보를 처리하지 않습니다.</Paragraph>
        </>
      ),
    },
    {
      id: "items",
      title: "2. 처리하는 개인정보 항목과 수집 방법",
      body: (
        <FactGroups>
          {collectedItems(config).map((row) => (
            <FactGroup
              key={row.occasion}
              title={row.occasion}
              facts={[
                { label: "항목", value: row.items.length === 1 ? row.items[0] : <Bullets>{row.items.map((item) => <li key={item}>{item}</li>)}</Bullets> },
                { label: "수집 방법", value: row.how },
              ]}
            />
          ))}
        </FactGroups>
      ),
    },
    {
      id: "retention",
      title: "3. 개인정보의 보유 기간",
      body: (
        <>
          <Paragraph>
            회사는 처리 목적을 이루면 개인정보를 지체 없이 파기합니다. 다만 다음 정보는 법령에 따라 정해진 기간 동안 보관하며, 그 기간에는
            보관 목적으로만 이용합니다.
          </Paragraph>
          <Bullets>
            {retentionPeriods(config).map((row) => (
              <li key={row.what}>
                {row.what}: <strong>{row.period}</strong> <span className="text-ink-soft">({row.basis})</span>
              </li>
            ))}
          </Bullets>
        </>
      ),
    },
    {
      id: "destruction",
      title: "4. 개인정보의 파기 절차와 방법",
      body: (
        <Clauses>
          <li>보유 기간이 끝났거나 처리 목적을 이룬 개인정보는 지체 없이 파기합니다.</li>
          <li>법령에 따라 보관하는 정보는 다른 정보와 분리해 보관하고, 기간이 끝나면 파기합니다.</li>
          <li>전자 파일은 복구할 수 없는 방법으로 삭제합니다.</li>
        </Clauses>
      ),
    },
    {
      id: "third-parties",
      title: "5. 개인정보의 제3자 제공",
      body: (
        <Paragraph>
          회사는 개인정보를 제3자에게 제공하지 않습니다. 다만 정보주체가 동의하거나 법률에 특별한 규정이 있는 경우(수사기관의 적법한 요청
          등)에는 예외로 합니다.
        </Paragraph>
      ),
    },
    {
      id: "processors",
      title: "6. 개인정보 처리의 위탁",
      body: (
        <>
          <Paragraph>회사는 서비스 제공을 위해 다음과 같이 개인정보 처리 업무를 위탁합니다.</Paragraph>
          <FactGroups>
            {processors.map((processor) => (
              <FactGroup
                key={processor.id}
                title={processor.name}
                facts={[
                  { label: "위탁 업무", value: processor.task },
                  ...(processor.country ? [{ label: "소재 국가", value: processor.country }] : []),
                ]}
              />
            ))}
          </FactGroups>
          <Paragraph>
            회사는 위탁 계약에서 위탁 업무 외의 처리 금지, 안전성 확보 조치, 재위탁 제한 등을 정하고, 수탁자가 개인정보를 안전하게 처리하는지
            감독합니다. 수탁자나 위탁 업무가 바뀌면 이 방침으로 알립니다.
          </Paragraph>
        </>
      ),
    },
    {
      id: "abroad",
      title: "7. 개인정보의 국외 이전",
      body: abroad.length ? (
        <>
          <Paragraph>회사는 다음과 같이 개인정보를 국외로 이전(처리 위탁·보관)합니다.</Paragraph>
          <FactGroups>
            {abroad.map(({ id, name, abroad: transfer }) => (
              <FactGroup
                key={id}
                title={name}
                facts={[
                  { label: "이전 국가", value: transfer.country },
                  { label: "이전 항목", value: transfer.items },
                  { label: "이전 시기와 방법", value: transfer.how },
                  { label: "이용 목적", value: transfer.purpose },
                  { label: "보유 기간", value: transfer.retention },
                  { label: "연락처", value: <ExternalLink href={transfer.contact}>{transfer.contact}</ExternalLink> },
                  { label: "거부 방법과 효과", value: transfer.refusal },
                ]}
              />
            ))}
          </FactGroups>
        </>
      ) : (
        <Paragraph>회사는 개인정보를 국외로 이전하지 않습니다.</Paragraph>
      ),
    },
    {
      id: "rights",
      title: "8. 정보주체의 권리와 행사 방법",
      body: (
        <Clauses>
          <li>회원은 언제든지 자기 개인정보의 열람, 정정, 삭제, 처리정지를 요구하고 동의를 철회(회원 탈퇴)할 수 있습니다.</li>
          <li>
            요구는 고객센터(전화 <a href={telHref(business.phone)} className="font-medium text-brand-700 underline underline-offset-2">{business.phone}</a>, 이메일{" "}
            <a href={mailtoHref(business.email)} className="font-medium text-brand-700 underline underline-offset-2">
              {business.email}
            </a>
            ) 또는 아래 개인정보 보호책임자에게 하시면 되며, 회사는 10일 이내에 조치하고 결과를 알려 드립니다. 주문·결제 내역과 크레딧 내역은
            &lsquo;주문 내역&rsquo;과 &lsquo;내 계정&rsquo; 화면에서 바로 볼 수 있습니다.
          </li>
          <li>법정대리인이나 위임을 받은 사람을 통해서도 요구할 수 있으며, 이때는 위임장을 내야 합니다.</li>
          <li>법령에 따라 보관해야 하는 정보는 삭제를 요구해도 그 기간 동안 보관할 수 있습니다.</li>
        </Clauses>
      ),
    },
    {
      id: "safeguards",
      title: "9. 개인정보의 안전성 확보 조치",
      body: (
        <Bullets>
          <li>비밀번호는 원래 값으로 되돌릴 수 없는 해시(scrypt)로만 저장합니다.</li>
          <li>카드번호 등 결제수단 정보는 토스페이먼츠 결제창에 직접 입력되며 회사는 받거나 저장하지 않습니다.</li>
          {billing ? (
            <li>
              자동결제에 쓰는 카드도 토스페이먼츠의 카드 등록 화면에서 등록하며, 회사는 카드번호 대신 토스페이먼츠가 발급한 빌링키와 카드사, 가려진
              카드번호, 카드 종류만 보관합니다. 빌링키는 서버에만 두고 브라우저로 보내지 않으며, 카드를 삭제하면 다시 결제하는 데 쓰지 않고 토스페이먼츠에
              빌링키 삭제를 요청합니다.
            </li>
          ) : null}
          <li>결제 처리 기록과 오류 기록에서는 비밀값, 카드·계좌번호를 지우고 남깁니다.</li>
          <li>로그인 시도 횟수를 제한하며, 이를 위한 이메일 주소와 IP 주소는 원래 값으로 되돌릴 수 없게 변환해 저장합니다.</li>
          <li>관리 화면은 지정된 운영자만 쓸 수 있습니다.</li>
          <li>서비스와 주고받는 정보는 암호화된 연결(HTTPS)로 전송합니다.</li>
        </Bullets>
      ),
    },
    {
      id: "cookies",
      title: "10. 쿠키의 사용",
      body: (
        <Clauses>
          <li>회사는 로그인 상태를 유지하고 요청 위조를 막기 위해 쿠키를 씁니다. 광고나 방문 분석을 위한 쿠키는 쓰지 않습니다.</li>
          <li>브라우저 설정에서 쿠키 저장을 거부할 수 있으나, 그러면 로그인이 필요한 서비스(구매, 크레딧 사용)를 이용할 수 없습니다.</li>
        </Clauses>
      ),
    },
    {
      id: "officer",
      title: "11. 개인정보 보호책임자",
      body: (
        <>
          <Paragraph>개인정보 처리에 관한 문의, 불만 처리, 피해 구제는 아래 개인정보 보호책임자에게 연락해 주세요.</Paragraph>
          <FactGroup
            title="개인정보 보호책임자"
            facts={[
              { label: "성명", value: <span data-testid="privacy-officer-name">{officer.name}</span> },
              {
                label: "연락처",
                value: (
                  <a href={contactHref(officer.contact)} className="font-medium text-brand-700 underline underline-offset-2">
                    {officer.contact}
                  </a>
                ),
              },
            ]}
          />
        </>
      ),
    },
    {
      id: "remedies",
      title: "12. 권익침해 구제 방법",
      body: (
        <>
          <Paragraph>개인정보 침해에 대한 신고나 상담이 필요하시면 아래 기관에 문의하실 수 있습니다.</Paragraph>
          <Bullets>
            <li>개인정보분쟁조정위원회: 1833-6972</li>
            <li>개인정보침해신고센터(한국인터넷진흥원): 118</li>
            <li>대검찰청: 1301</li>
            <li>경찰청: 182</li>
          </Bullets>
        </>
      ),
    },
  ];
}
