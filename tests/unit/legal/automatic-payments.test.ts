// The legal pages on automatic purchases (자동결제), rendered from what parseEnv makes of the variables:
// nothing of them where billing is not available; the monthly plan (정기 충전) wherever it is; the
// threshold top-up (자동충전) with its daily cap only with AUTO_TOP_UP_ENABLED; e-mail named only where
// SMTP_URL is set, and the e-mail sender among the processors then, by MAIL_PROVIDER_NAME or the host.
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { LegalSection } from "@/components/legal/legal-parts";
import { privacySections } from "@/components/legal/privacy-sections";
import { refundPolicySections } from "@/components/legal/refund-policy-sections";
import { automaticPaymentsArticle } from "@/components/legal/terms-automatic-payments";
import { termsSections } from "@/components/legal/terms-sections";
import { PLAN_NOTICE_DAYS } from "@/lib/billing/agreement";
import { EnvError, parseEnv, TOSS_DOCS_CLIENT_KEY, TOSS_DOCS_SECRET_KEY } from "@/lib/env";
import { legalContextOf } from "@/lib/legal/context";
import { collectedItems, retentionPeriods } from "@/lib/legal/personal-data";

const html = (sections: LegalSection[]) =>
  renderToStaticMarkup(createElement(Fragment, null, ...sections.map((s) => createElement("section", { key: s.id }, s.title, s.body))));
const text = (sections: LegalSection[]) => html(sections).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** Live mode with the checkout's pair only: no billing pair, so no card can be saved. */
const NO_BILLING = { TOSS_MODE: "live", NEXT_PUBLIC_TOSS_CLIENT_KEY: TOSS_DOCS_CLIENT_KEY, TOSS_SECRET_KEY: TOSS_DOCS_SECRET_KEY };
const TOP_UP = { AUTO_TOP_UP_ENABLED: "1", AUTO_TOP_UP_DAILY_CAP: "5" };
const SMTP = { SMTP_URL: "smtps://mailer-user:s3cret-Passw0rd@smtp.mailer.example.com:465" };

const ctxOf = (vars: Record<string, string>) => legalContextOf(parseEnv(vars));
/** The article's own text (not the rest of the terms, which mention e-mail and payments elsewhere). */
const articleOf = (vars: Record<string, string>) => {
  const article = automaticPaymentsArticle(ctxOf(vars).billing);
  return article ? text([article]) : null;
};
const ORIGINAL_ARTICLES = ["article-1", "article-2", "article-3", "article-4", "article-5", "article-6", "article-7", "article-8", "article-9", "article-10", "article-11", "article-12", "company"];

describe("without billing (live mode, no billing key pair), the pages say nothing of automatic purchases", () => {
  // Even with the top-up flag and SMTP set: without a billing pair no card is saved and no notice is made.
  const ctx = ctxOf({ ...NO_BILLING, ...TOP_UP, ...SMTP });

  it("no 제7조의2 in the terms, and the other articles keep their numbers and anchors", () => {
    expect(ctx.billing).toBeNull();
    const sections = termsSections(ctx);
    expect(sections.map((s) => s.id)).toEqual(ORIGINAL_ARTICLES);
    const terms = text(sections);
    expect(terms).not.toMatch(/제7조의2|자동결제|정기 충전|자동충전|빌링키/);
  });

  it("no items, retention, safeguard or e-mail processor for them in the privacy policy", () => {
    const policy = text(privacySections(ctx));
    expect(policy).not.toMatch(/자동결제|빌링키|정기 충전|자동충전|이메일 발송/);
    expect(ctx.processors.map((p) => p.id)).toEqual(["toss", "hosting"]);
    expect(policy).toContain("계약 또는 청약철회 등에 관한 기록: 5년");
  });

  it("no sentence on them in the refund policy", () => {
    expect(text(refundPolicySections(ctx))).not.toMatch(/자동결제|제7조의2/);
  });
});

describe("the terms' 제7조의2 where billing is available", () => {
  it("sits between 제7조 and 제8조 under its own anchor; the other articles keep theirs", () => {
    const ids = termsSections(ctxOf({})).map((s) => s.id);
    expect(ids).toEqual([...ORIGINAL_ARTICLES.slice(0, 7), "article-7-2", ...ORIGINAL_ARTICLES.slice(7)]);
  });

  it("the monthly plan only (the default sandbox): what it is, consent first, Toss's billing, the notice, stopping, declines, the operator, refunds", () => {
    const article = automaticPaymentsArticle(ctxOf({}).billing)!;
    expect(article.title).toBe("제7조의2 (자동결제: 정기 충전)");
    const words = articleOf({})!;
    for (const sentence of [
      "매월 회원이 고른 결제일(1일~28일, 한국 시간)에 회원이 고른 크레딧 팩을 결제합니다.",
      "그달(한국 시간)에 아직 정기 충전 결제가 없었으면 첫 결제는 바로 이루어지고, 이미 있었으면 다음 달 결제일부터 결제합니다.",
      "카드를 등록하는 것만으로는 아무것도 결제되지 않습니다.",
      "결제할 크레딧 팩과 금액, 결제일을 보여 드리고, 회원이 그 내용에 동의한 뒤에만 결제합니다.",
      "토스페이먼츠 주식회사의 자동결제(빌링) 서비스",
      "회사는 카드번호를 받거나 보관하지 않고",
      "토스페이먼츠가 발급한 빌링키(등록한 카드로 결제를 요청하는 데 쓰는 값)와 카드사, 가려진 카드번호, 카드 종류만 보관합니다.",
      `매월 결제일 ${PLAN_NOTICE_DAYS}일 전에`,
      "로그인하지 않고도 정기 충전을 바로 해지할 수 있는 링크",
      "카드를 삭제하면 정기 충전도 해지됩니다.",
      "거절된 결제는 다시 시도하지 않으며",
      "중지된 사실과 그 사유를",
      "부정 이용이 의심되는 경우 등 정당한 사유가 있으면 회원의 정기 충전을 중지할 수 있습니다.",
      "자동결제로 산 크레딧 팩도 다른 크레딧 팩과 같습니다.",
      "크레딧의 유효기간, 사용 순서와 결제 취소 시 회수는 제6조, 청약철회는 제8조, 환불 방법과 기한은 제9조와 환불정책에 따르며",
    ]) {
      expect(words).toContain(sentence);
    }
    expect(words).not.toMatch(/자동충전|기준 크레딧|하루에 최대/);
  });

  it("with the threshold top-up: what triggers it, once per crossing, the daily cap from the configuration", () => {
    const article = automaticPaymentsArticle(ctxOf(TOP_UP).billing)!;
    expect(article.title).toBe("제7조의2 (자동결제: 정기 충전과 자동충전)");
    const words = articleOf(TOP_UP)!;
    for (const sentence of [
      "크레딧을 쓰거나 사용 예약한 뒤 남은 잔액이 회원이 정한 기준 크레딧보다 적으면 회원이 고른 크레딧 팩을 결제합니다.",
      "결제일(자동충전은 기준 크레딧)",
      "자동충전을 끌 수 있으며",
      "카드를 삭제하면 정기 충전과 자동충전이 모두 해지됩니다.",
      "자동충전은 잔액이 기준 크레딧보다 적어질 때마다 한 번 결제하며, 그 결제가 끝나기 전에는 크레딧을 더 써도 다시 결제하지 않습니다.",
      "한 회원에게 한국 시간으로 하루에 최대 5번까지만 결제",
      "결제한 뒤에도 잔액이 기준 크레딧보다 적으면 다음에 크레딧을 쓸 때 다시 결제될 수 있습니다.",
      "회원의 정기 충전이나 자동충전을 중지할 수 있습니다.",
    ]) {
      expect(words).toContain(sentence);
    }
    expect(articleOf({ AUTO_TOP_UP_ENABLED: "1" })).toContain("하루에 최대 3번까지만");
  });

  it.each([
    ["without SMTP_URL: the account page only, no promise of e-mail", {}, "‘내 크레딧’ 화면의 알림으로 알립니다", false],
    ["with SMTP_URL: the account page and the buyer's e-mail", SMTP, "‘내 크레딧’ 화면의 알림과 회원의 이메일(이메일 주소가 있는 경우)로 알립니다", true],
  ] as const)("%s", (_, vars, told, mail) => {
    for (const config of [vars, { ...vars, ...TOP_UP }]) {
      const words = articleOf(config)!;
      expect(words).toContain(`결제할 크레딧 팩, 금액, 결제일과 카드를 ${told}.`);
      expect(words).toContain(`중지된 사실과 그 사유를 ${told.replace("알립니다", "알리며")}`);
      expect(words).toContain(`중지한 사실을 ${told.replace("알립니다", "알리며")}`);
      if (mail) expect(words).toContain("이메일");
      else expect(words).not.toContain("이메일");
    }
  });
});

describe("the privacy policy where billing is available", () => {
  it("collects the card as Toss returns it (never its number), the settings, each agreement and the notices", () => {
    const plan = collectedItems({ kakao: false, google: false, sentry: false, billing: { topUp: false, emailNotices: false } });
    const row = plan.find((r) => r.occasion === "자동결제(정기 충전) 이용")!;
    const items = row.items.join("\n");
    expect(items).toContain("카드사, 가려진 카드번호(일부 숫자만 보이는 번호), 카드 종류(신용·체크 등), 토스페이먼츠가 발급한 빌링키");
    expect(items).toContain("빌링키는 카드번호가 아니라");
    expect(items).toContain("회사는 받지 않습니다");
    expect(items).toContain("정기 충전 설정: 고른 크레딧 팩, 결제일");
    expect(items).toContain("동의할 때 보여 드린 문구 전문");
    expect(items).toContain("동의 일시");
    expect(items).toContain("자동결제 알림(결제 예정, 결제 거절, 중지 안내)");
    expect(items).not.toMatch(/자동충전|이메일 발송/);
    expect(row.how).toContain("카드를 등록할 때 토스페이먼츠로부터 받고");
    expect(row.how).toContain("서비스 이용 과정에서 생성");
    expect(row.how).not.toContain("자동충전");

    const everything = collectedItems({ kakao: false, google: false, sentry: false, billing: { topUp: true, emailNotices: true } });
    const full = everything.find((r) => r.occasion === "자동결제(정기 충전·자동충전) 이용")!.items.join("\n");
    expect(full).toContain("자동충전 설정: 고른 크레딧 팩, 기준 크레딧");
    expect(full).toContain("이메일 발송 여부와 발송 일시");
  });

  it("keeps the agreements, settings and notices as contract records and a removed card's key with its orders' records, 5 years", () => {
    const rows = retentionPeriods({ kakao: false, google: false, sentry: false, billing: { topUp: true, emailNotices: true } });
    const contract = rows.find((r) => r.what.startsWith("계약 또는 청약철회 등에 관한 기록"))!;
    expect(contract).toMatchObject({ period: "5년", basis: "전자상거래 등에서의 소비자보호에 관한 법률" });
    expect(contract.what).toContain("자동결제 동의 기록, 정기 충전·자동충전 설정과 알림 기록");
    const card = rows.find((r) => r.what.startsWith("자동결제에 등록한 카드 정보"))!;
    expect(card.what).toContain("빌링키");
    expect(card.period).toContain("카드를 삭제할 때까지");
    expect(card.period).toContain("그 카드로 결제한 주문의 기록과 함께 5년");
    expect(new Set(rows.map((r) => r.what)).size).toBe(rows.length);
  });

  it("says so on the page: purposes, items, retention and the safeguard of the billing key", () => {
    const policy = text(privacySections(ctxOf({})));
    expect(policy).toContain("자동결제(정기 충전)의 제공");
    expect(policy).toContain("자동결제(정기 충전) 이용");
    expect(policy).toContain("회사는 카드번호 대신 토스페이먼츠가 발급한 빌링키와 카드사, 가려진 카드번호, 카드 종류만 보관합니다.");
    expect(policy).not.toMatch(/자동충전|이메일 발송/);
    expect(text(privacySections(ctxOf({ ...TOP_UP, ...SMTP })))).toContain("결제 예정·거절·중지 알림과 그 이메일 발송");
  });
});

describe("the e-mail sender among the processors", () => {
  it("is not listed without SMTP_URL", () => {
    expect(ctxOf({}).processors.map((p) => p.id)).toEqual(["toss", "hosting"]);
  });

  it("with SMTP_URL and no MAIL_PROVIDER_NAME: the SMTP host, never the URL's credentials, no country", () => {
    const ctx = ctxOf(SMTP);
    const mail = ctx.processors.find((p) => p.id === "mail")!;
    expect(mail).toMatchObject({ name: "이메일 발송 서버(smtp.mailer.example.com)", country: null, abroad: null });
    expect(mail.task).toContain("이메일 발송");
    const page = html(privacySections(ctx));
    expect(page).toContain("이메일 발송 서버(smtp.mailer.example.com)");
    expect(page).not.toMatch(/s3cret|mailer-user|:465/);
  });

  it("with MAIL_PROVIDER_NAME: named as given (trimmed), still no guessed country or transfer abroad", () => {
    const ctx = ctxOf({ ...SMTP, MAIL_PROVIDER_NAME: "  주식회사 메일발송  " });
    const mail = ctx.processors.find((p) => p.id === "mail")!;
    expect(mail).toMatchObject({ name: "주식회사 메일발송", country: null, abroad: null });
    const page = text(privacySections(ctx));
    expect(page).toContain("주식회사 메일발송");
    expect(page).not.toContain("smtp.mailer.example.com");
  });

  it("MAIL_PROVIDER_NAME alone (no SMTP_URL) lists nothing: no e-mail is sent", () => {
    expect(ctxOf({ MAIL_PROVIDER_NAME: "주식회사 메일발송" }).processors.map((p) => p.id)).toEqual(["toss", "hosting"]);
  });

  it.each([["<b>메일</b>"], ["메일\n발송"], ["x".repeat(101)]])("MAIL_PROVIDER_NAME must be plain text: %j is refused", (name) => {
    expect(() => parseEnv({ MAIL_PROVIDER_NAME: name })).toThrow(EnvError);
    expect(() => parseEnv({ MAIL_PROVIDER_NAME: name })).toThrow(/MAIL_PROVIDER_NAME: must be plain text/);
  });

  it("MAIL_PROVIDER_NAME unset or blank is null", () => {
    expect(parseEnv({}).mailProviderName).toBeNull();
    expect(parseEnv({ MAIL_PROVIDER_NAME: "   " }).mailProviderName).toBeNull();
  });
});

describe("the refund policy where billing is available", () => {
  it("says a pack bought automatically is withdrawn and refunded like any pack, and links to 제7조의2", () => {
    const markup = html(refundPolicySections(ctxOf({})));
    expect(markup.replace(/<[^>]+>/g, "")).toContain(
      "정기 충전으로 자동결제된 크레딧 팩도 다른 크레딧 팩과 똑같이 이 정책에 따라 청약철회하고 환불받을 수 있으며, 기간은 그 자동결제가 완료된 때부터 셉니다",
    );
    expect(markup).toContain('href="/terms#article-7-2"');
    expect(text(refundPolicySections(ctxOf(TOP_UP)))).toContain("정기 충전·자동충전으로 자동결제된 크레딧 팩도");
  });
});
