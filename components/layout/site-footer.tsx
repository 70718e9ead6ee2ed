// The footer of every buyer page: what 전자상거래법 §10 (시행규칙 §5) and Toss's site review ask a shop
// to show, from the business profile (lib/business/profile.ts). The links to the terms, the privacy
// policy (bold, as is customary) and the refund policy come first; then the business. On a phone the
// name, the 사업자등록번호 with its FTC check link and the links are always shown and the rest folds
// into a <details> (no JavaScript either way); from the sm breakpoint everything is shown
// (app/globals.css, .site-footer-details). The example business is marked 예시.
import Link from "next/link";
import type { ReactNode } from "react";
import { ExampleBadge } from "@/components/legal/example-badge";
import { env } from "@/lib/env";
import { contactHref, mailtoHref, telHref } from "@/lib/legal/contact-links";

const policyLink = "inline-flex min-h-10 items-center rounded-lg px-2 text-ink hover:bg-gray-100";
const contactLink = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600";

/** One line of the business: label and value side by side, wrapping as a whole on a narrow screen. */
function Row({ term, wide = false, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`flex flex-wrap items-baseline gap-x-2 gap-y-0.5 py-1 ${wide ? "sm:col-span-2" : ""}`}>
      <dt className="shrink-0 text-ink-soft">{term}</dt>
      <dd className="min-w-0 break-words text-ink">{children}</dd>
    </div>
  );
}

const rows = "sm:grid sm:grid-cols-2 sm:gap-x-8";

export function SiteFooter() {
  const business = env.business;
  return (
    <footer aria-labelledby="site-footer-title" className="border-t border-gray-200 bg-white">
      <div className="mx-auto w-full max-w-3xl space-y-4 px-4 py-8 text-sm leading-relaxed sm:px-6">
        <h2 id="site-footer-title" className="sr-only">
          사업자 정보와 약관
        </h2>
        <nav aria-label="약관 및 정책">
          <ul className="-mx-2 flex flex-wrap items-center">
            <li>
              <Link href="/terms" className={policyLink}>
                이용약관
              </Link>
            </li>
            <li>
              <Link href="/privacy" className={`${policyLink} font-bold`}>
                개인정보처리방침
              </Link>
            </li>
            <li>
              <Link href="/refund-policy" className={policyLink}>
                환불정책
              </Link>
            </li>
          </ul>
        </nav>

        {business.isExample ? (
          <p className="flex items-start gap-2 rounded-xl bg-amber-50 px-3 py-2 text-amber-950 ring-1 ring-amber-200" data-testid="example-business-notice">
            <ExampleBadge />
            <span>아래는 가상의 예시 사업자예요. 실제 사업자 정보가 설정되기 전까지만 보여요.</span>
          </p>
        ) : null}

        <div>
          <p className="text-base font-bold text-ink" data-testid="footer-business-name">
            {business.name}
          </p>
          <dl className={rows}>
            <Row term="대표자">{business.representative}</Row>
            <Row term="사업자등록번호">
              <span className="tabular-nums">{business.registrationNumber}</span>{" "}
              <a
                href={business.businessInfoUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="ml-1 inline-flex items-center rounded-md px-2 py-0.5 font-medium text-ink ring-1 ring-gray-300 hover:bg-gray-50"
              >
                사업자정보 확인<span className="sr-only"> (새 창)</span>
              </a>
            </Row>
          </dl>
          <details className="site-footer-details group">
            <summary className="-mx-2 inline-flex min-h-10 cursor-pointer list-none items-center gap-1 rounded-lg px-2 font-semibold text-ink hover:bg-gray-100 [&::-webkit-details-marker]:hidden">
              사업자 정보 더 보기
              <svg viewBox="0 0 20 20" className="size-4 transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
                <path d="M5 8l5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </summary>
            <dl className={rows}>
              <Row term="통신판매업 신고번호" wide>
                {business.mailOrderNumber} ({business.mailOrderOffice})
              </Row>
              <Row term="주소" wide>{business.address}</Row>
              <Row term="전화">
                <a href={telHref(business.phone)} className={contactLink}>
                  {business.phone}
                </a>
              </Row>
              <Row term="고객센터 이메일">
                <a href={mailtoHref(business.email)} className={contactLink}>
                  {business.email}
                </a>
              </Row>
              <Row term="개인정보 보호책임자">
                {business.privacyOfficer.name} (
                <a href={contactHref(business.privacyOfficer.contact)} className={contactLink}>
                  {business.privacyOfficer.contact}
                </a>
                )
              </Row>
              <Row term="호스팅서비스 제공자">{business.hostingProvider}</Row>
            </dl>
          </details>
        </div>
      </div>
    </footer>
  );
}
