// The legal pages' text for different configurations, rendered to HTML from what parseEnv makes of the
// variables: a processor appears only when configured, the refund window is the configured one, the
// example business is marked 예시 and a real one is not.
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LegalDocument } from "@/components/legal/legal-document";
import type { LegalSection } from "@/components/legal/legal-parts";
import { privacySections } from "@/components/legal/privacy-sections";
import { refundPolicySections } from "@/components/legal/refund-policy-sections";
import { termsSections } from "@/components/legal/terms-sections";
import { parseEnv } from "@/lib/env";
import { legalContextOf } from "@/lib/legal/context";
import { TERMS_VERSIONS } from "@/lib/legal/documents";
import { collectedItems } from "@/lib/legal/personal-data";

const html = (sections: LegalSection[]) =>
  renderToStaticMarkup(createElement(Fragment, null, ...sections.map((s) => createElement("section", { key: s.id }, s.title, s.body))));
const text = (sections: LegalSection[]) => html(sections).replace(/<[^>]+>/g, " ");

const business = {
  BUSINESS_NAME: "주식회사 테스트상점",
  BUSINESS_REPRESENTATIVE: "김대표",
  BUSINESS_REGISTRATION_NUMBER: "220-81-62517",
  BUSINESS_MAIL_ORDER_NUMBER: "2026-서울강남-0123",
  BUSINESS_MAIL_ORDER_OFFICE: "서울특별시 강남구청",
  BUSINESS_ADDRESS: "서울특별시 강남구 테헤란로 1",
  BUSINESS_PHONE: "02-123-4567",
  BUSINESS_EMAIL: "help@shop.example.com",
  PRIVACY_OFFICER_NAME: "이보호",
  PRIVACY_OFFICER_CONTACT: "02-765-4321",
};
const everything = {
  SENTRY_DSN: "https://abc123@o4501.ingest.us.sentry.io/4507",
  KAKAO_CLIENT_ID: "kakao-id",
  KAKAO_CLIENT_SECRET: "kakao-secret",
  GOOGLE_CLIENT_ID: "google-id",
  GOOGLE_CLIENT_SECRET: "google-secret",
};

describe("the privacy policy lists only what is configured", () => {
  it("with nothing optional configured: Toss Payments and the host, no Sentry, Kakao or Google", () => {
    const page = text(privacySections(legalContextOf(parseEnv({}))));
    expect(page).toContain("토스페이먼츠 주식회사");
    expect(page).toContain("Vercel Inc.");
    expect(page).not.toMatch(/Sentry|카카오|Google/);
    expect(page).not.toContain("서비스 오류의 탐지와 수정");
  });

  it("with Sentry, Kakao and Google configured: each listed, with the transfers abroad", () => {
    const page = text(privacySections(legalContextOf(parseEnv(everything))));
    for (const name of ["토스페이먼츠 주식회사", "Vercel Inc.", "Functional Software, Inc. (Sentry)", "주식회사 카카오", "Google LLC"]) {
      expect(page).toContain(name);
    }
    expect(page).toContain("https://sentry.io/privacy/");
    expect(page).toContain("https://policies.google.com/privacy");
    expect(page).toContain("카카오·Google 계정으로 회원가입·로그인");
  });

  it("with a host in Korea there is no transfer abroad to state", () => {
    const page = text(privacySections(legalContextOf(parseEnv({ HOSTING_PROVIDER: "주식회사 국내호스팅" }))));
    expect(page).toContain("주식회사 국내호스팅");
    expect(page).toContain("개인정보를 국외로 이전하지 않습니다");
  });

  it("names the privacy officer and links their contact (a phone number here)", () => {
    const markup = html(privacySections(legalContextOf(parseEnv(business))));
    expect(markup).toContain("이보호");
    expect(markup).toContain('href="tel:027654321"');
    expect(markup).toContain('href="mailto:help@shop.example.com"');
  });

  it("the items collected follow the sign-in methods configured", () => {
    expect(collectedItems({ kakao: false, google: false, sentry: false, billing: null }).map((r) => r.occasion)).not.toContainEqual(expect.stringMatching(/카카오|Google/));
    expect(collectedItems({ kakao: true, google: false, sentry: false, billing: null }).map((r) => r.occasion)).toContain("카카오 계정으로 회원가입·로그인");
    expect(collectedItems({ kakao: false, google: false, sentry: true, billing: null }).map((r) => r.occasion)).toContain("서비스 오류 발생 시");
  });
});

describe("the terms and the refund policy state the configured window", () => {
  it.each([
    [{}, 7, "12월 11일"],
    [{ REFUND_WINDOW_DAYS: "14" }, 14, "12월 18일"],
  ])("%o: %i days", (vars, days, lastDay) => {
    const ctx = legalContextOf(parseEnv(vars));
    for (const page of [text(termsSections(ctx)), text(refundPolicySections(ctx))]) {
      expect(page).toContain(`${days}일 이내`);
      expect(page).toContain(`${lastDay} 23시 59분까지`);
      expect(page).not.toContain(`${days === 7 ? 14 : 7}일 이내`);
    }
  });

  it("says credits are a service-usage right, not cash", () => {
    const terms = text(termsSections(legalContextOf(parseEnv({}))));
    expect(terms).toContain("크레딧은 서비스 이용권이며 현금으로 교환되지 않습니다.");
    expect(terms).toContain("부가가치세가 포함된 금액");
  });
});

describe("the terms and the refund policy state the configured validity, the order of use and expiry", () => {
  it.each([
    [{}, "5년"],
    [{ CREDIT_VALIDITY_MONTHS: "12" }, "1년"],
    [{ CREDIT_VALIDITY_MONTHS: "18" }, "18개월"],
  ])("%o: paid credits valid %s from payment", (vars, validity) => {
    const ctx = legalContextOf(parseEnv(vars));
    const terms = text(termsSections(ctx));
    const policy = text(refundPolicySections(ctx));
    expect(terms).toContain(`유료 크레딧의 유효기간은 결제가 완료된 때부터 ${validity}입니다.`);
    expect(policy).toContain(`결제가 완료된 때부터 ${validity}`);
    expect(policy).toContain(`유료 크레딧은 결제일부터 ${validity}`);
    for (const page of [terms, policy]) expect(page).not.toMatch(/유효기간이 없습니다|사라지지 않습니다/);
  });

  it("bonus credits first with their own validity, then the earliest expiry; expired credits are gone and not refunded", () => {
    const ctx = legalContextOf(parseEnv({}));
    const terms = text(termsSections(ctx));
    expect(terms).toContain("보너스 크레딧의 유효기간은 회사가 지급할 때 따로 정하여 알립니다.");
    expect(terms).toContain("크레딧은 보너스 크레딧부터 먼저 쓰고, 그다음 유효기간이 먼저 끝나는 크레딧부터 씁니다.");
    expect(terms).toContain("유효기간이 지난 크레딧은 소멸하며, 소멸한 크레딧은 쓸 수 없고 환불되지 않습니다.");
    const policy = text(refundPolicySections(ctx));
    expect(policy).toContain("크레딧은 보너스 크레딧부터, 그다음 유효기간이 먼저 끝나는 크레딧부터");
    expect(policy).toContain("유효기간이 지난 크레딧은 소멸하며 환불되지 않습니다.");
  });

  it("a pack is judged by its own credits, not by the balance, and a cancel takes back from that pack only", () => {
    const ctx = legalContextOf(parseEnv({}));
    const terms = text(termsSections(ctx));
    expect(terms).toContain("크레딧 팩마다 그 팩에서 지급된 크레딧으로");
    expect(terms).toContain("다른 크레딧 팩이나 보너스 크레딧을 쓴 것과 관계없이 청약철회할 수 있습니다.");
    expect(terms).toContain("다른 크레딧 팩이나 보너스 크레딧에서 회수하지 않습니다.");
    expect(terms).not.toContain("0보다 작아질");
    const policy = text(refundPolicySections(ctx));
    expect(policy).toContain("팩마다, 그 팩에서 지급된 크레딧으로");
    expect(policy).toContain(
      "예를 들어 프로 팩을 산 뒤 프리미엄 팩을 사고 크레딧 3개를 썼다면 쓰인 것은 프로 팩의 크레딧이고, 프리미엄 팩은 쓰지 않은 팩으로 환불할 수 있습니다.",
    );
    expect(policy).not.toContain("크레딧 잔액으로 봅니다");
    expect(policy).not.toContain("0보다 작아질");
  });

});

describe("the refund policy's prices", () => {
  it("prices each pack's credit from the catalog", () => {
    const policy = text(refundPolicySections(legalContextOf(parseEnv({}))));
    expect(policy).toContain("프로 팩: ₩3,000, 크레딧 3개");
    expect(policy).toContain("프리미엄 팩: ₩5,000, 크레딧 5개");
  });
});

describe("whose document it is", () => {
  const shell = (vars: Record<string, string>) =>
    renderToStaticMarkup(
      createElement(LegalDocument, {
        title: "이용약관",
        versions: TERMS_VERSIONS,
        business: legalContextOf(parseEnv(vars)).business,
        intro: null,
        sections: [],
      }),
    );

  it("the example business is marked 예시, and every page says it is a template for a lawyer", () => {
    const page = shell({});
    expect(page).toContain("예시크레딧 주식회사");
    expect(page).toContain(">예시</span>");
    expect(page).toContain("변호사");
  });

  it("a configured business is not marked 예시, and the template note stays", () => {
    const page = shell(business);
    expect(page).toContain("주식회사 테스트상점");
    expect(page).not.toContain("예시");
    expect(page).toContain("변호사");
  });
});
