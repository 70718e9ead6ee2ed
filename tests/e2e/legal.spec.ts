// The footer every buyer page carries (전자상거래법 §10: the business, its 사업자등록번호 with the FTC's
// check link, the 통신판매업 신고, contacts, the 개인정보 보호책임자, the host; the terms, the privacy policy
// in bold and the refund policy), at phone and desktop sizes (the two Playwright projects), axe clean;
// the example business marked 예시 (the test server has no profile configured); the legal pages with
// their versions and effective dates, and only the processors this configuration uses; automatic purchases
// (제7조의2, their personal data, their e-mail sender) as this server offers them: the sandbox's billing, the
// threshold top-up on and notices e-mailed to the run's SMTP server (scripts/lib/test-env.ts).
import type { Locator, Page } from "@playwright/test";
import { EXAMPLE_BUSINESS } from "../../lib/business/profile";
import { CURRENT_PRIVACY, CURRENT_REFUND_POLICY, CURRENT_TERMS, type DocumentVersion } from "../../lib/legal/documents";
import { koreanDate } from "../../lib/legal/versions";
import { expectAccessible } from "./axe";
import { expect, payWithWidget, signUp, snap, test } from "./shop-fixtures";
import { ONE_SIZE } from "./sizes";

const business = EXAMPLE_BUSINESS;
const footerOf = (page: Page) => page.getByRole("contentinfo");
const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1280) < 640;
/** The value (dd) of the footer's line labelled `term` (dt). */
const lineOf = (footer: Locator, term: string) =>
  footer.locator("dl > div").filter({ has: footer.page().locator("dt").getByText(term, { exact: true }) }).locator("dd");

/** What a phone shows without opening anything: the name, the number and its check link, the policies. */
async function expectFooterEssentials(footer: Locator) {
  await expect(footer.getByRole("heading", { name: "사업자 정보와 약관" })).toBeAttached();
  await expect(footer.getByTestId("footer-business-name")).toHaveText(business.name);
  await expect(footer.getByText(business.registrationNumber)).toBeVisible();
  const check = footer.getByRole("link", { name: "사업자정보 확인 (새 창)" });
  await expect(check).toBeVisible();
  await expect(check).toHaveAttribute("href", business.businessInfoUrl);
  await expect(check).toHaveAttribute("target", "_blank");
  await expect(check).toHaveAttribute("rel", /\bnoopener\b/);

  const policies = footer.getByRole("navigation", { name: "약관 및 정책" });
  for (const [name, href] of [["이용약관", "/terms"], ["개인정보처리방침", "/privacy"], ["환불정책", "/refund-policy"]] as const) {
    await expect(policies.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
  }
  // The privacy policy stands out from the other links (bold, as is customary).
  const weight = (name: string) => policies.getByRole("link", { name, exact: true }).evaluate((a) => Number(getComputedStyle(a).fontWeight));
  expect(await weight("개인정보처리방침")).toBeGreaterThanOrEqual(700);
  expect(await weight("이용약관")).toBeLessThan(700);

  const notice = footer.getByTestId("example-business-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("예시");
  await expect(notice).toContainText("가상의 예시 사업자");
}

/** Every field: on a phone behind "사업자 정보 더 보기" (opened here), on a desktop shown as they are. */
async function expectFooter(page: Page, what: string) {
  const footer = footerOf(page);
  await expect(footer, what).toHaveCount(1);
  await expectFooterEssentials(footer);

  const more = footer.getByText("사업자 정보 더 보기");
  const address = footer.getByText(business.address);
  if (isPhone(page)) {
    await expect(more).toBeVisible();
    await expect(address).toBeHidden();
    await more.click();
  } else {
    await expect(more).toBeHidden();
  }
  const lines: [string, string][] = [
    ["대표자", business.representative],
    ["사업자등록번호", business.registrationNumber],
    ["통신판매업 신고번호", `${business.mailOrderNumber} (${business.mailOrderOffice})`],
    ["주소", business.address],
    ["전화", business.phone],
    ["고객센터 이메일", business.email],
    ["개인정보 보호책임자", `${business.privacyOfficer.name} (${business.privacyOfficer.contact})`],
    ["호스팅서비스 제공자", business.hostingProvider],
  ];
  for (const [term, value] of lines) {
    await expect(lineOf(footer, term), term).toBeVisible();
    await expect(lineOf(footer, term), term).toContainText(value);
  }
  await expect(lineOf(footer, "전화").getByRole("link")).toHaveAttribute("href", `tel:${business.phone.replace(/-/g, "")}`);
  await expect(lineOf(footer, "고객센터 이메일").getByRole("link")).toHaveAttribute("href", `mailto:${business.email}`);
  await expect(lineOf(footer, "개인정보 보호책임자").getByRole("link")).toHaveAttribute("href", `mailto:${business.privacyOfficer.contact}`);
  await expectAccessible(page, what);
}

test("the footer on the pages a visitor sees, signed out", async ({ page }, testInfo) => {
  for (const path of ["/", "/pricing", "/login", "/signup", "/terms", "/privacy", "/refund-policy"]) {
    await page.goto(path);
    await expectFooter(page, path);
  }
  await footerOf(page).screenshot({ path: testInfo.outputPath("footer.png") });
});

test("the footer on a signed-in buyer's checkout and orders; none on the sandbox's stand-in for Toss's payment window", async ({ page }, testInfo) => {
  await signUp(page, "/checkout?product=PRO_PACK");
  await expect(page.getByRole("button", { name: "결제하기" })).toBeEnabled();
  await expectFooter(page, "checkout");
  await page.goto("/orders");
  await expectFooter(page, "orders");

  // Toss's payment window is Toss's page, not the shop's: the sandbox's imitation carries no shop footer.
  await page.goto("/checkout?product=PRO_PACK");
  await payWithWidget(page, testInfo, "카드", "legal-checkout");
  await expect(footerOf(page)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the name, the number, the check link and the policies are there, and the rest opens on a tap", async ({ page }) => {
    await page.goto("/pricing");
    const footer = footerOf(page);
    await expectFooterEssentials(footer);
    if (isPhone(page)) await footer.getByText("사업자 정보 더 보기").click();
    await expect(footer.getByText(business.address)).toBeVisible();
    await footer.getByRole("link", { name: "환불정책" }).click();
    await expect(page).toHaveURL(/\/refund-policy$/);
    await expect(page.getByRole("heading", { level: 1, name: "환불정책" })).toBeVisible();
  });
});

const documents: [string, string, DocumentVersion][] = [
  ["/terms", "이용약관", CURRENT_TERMS],
  ["/privacy", "개인정보처리방침", CURRENT_PRIVACY],
  ["/refund-policy", "환불정책", CURRENT_REFUND_POLICY],
];

for (const [path, title, current] of documents) {
  test(`${title}: version, effective date, the list of versions, whose it is, a template to review`, ONE_SIZE, async ({ page }, testInfo) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${title} · 크레딧 샵`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(main.getByTestId("legal-version")).toHaveText(current.version);
    await expect(main.getByTestId("legal-effective-date")).toHaveText(koreanDate(current.effectiveFrom));
    const versions = main.getByTestId("legal-versions");
    await expect(versions).toContainText(current.version);
    await expect(versions).toContainText(`${koreanDate(current.effectiveFrom)} 시행`);
    await expect(versions).toContainText("현행");

    await expect(main.getByTestId("legal-business-name")).toHaveText(business.name);
    const note = main.getByRole("note", { name: "템플릿 안내" });
    await expect(note).toContainText("변호사");
    await expect(note).toContainText("예시");

    // The table of contents leads to its sections.
    const toc = main.getByRole("navigation", { name: "목차" });
    const firstEntry = toc.getByRole("link").first();
    const target = (await firstEntry.getAttribute("href"))!;
    await firstEntry.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(main.locator(target)).toBeInViewport();

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`legal${path.replace("/", "-")}-top.png`) });
    await snap(page, testInfo, `legal${path.replace("/", "-")}`);
  });
}

test("the privacy policy lists Toss Payments and the host, and nothing this server does not use", ONE_SIZE, async ({ page }) => {
  await page.goto("/privacy");
  const processors = page.locator("#processors");
  await expect(processors).toContainText("토스페이먼츠 주식회사");
  await expect(processors).toContainText(business.hostingProvider);
  // The test server has no SENTRY_DSN, Kakao or Google keys.
  const main = page.getByRole("main");
  await expect(main).not.toContainText("Sentry");
  await expect(main).not.toContainText("카카오");
  await expect(main).not.toContainText("Google");
  await expect(page.locator("#abroad")).toContainText("미국");
  await expect(page.locator("#officer")).toContainText(business.privacyOfficer.name);
});

test("the terms and the refund policy state the configured window (7 days by default), the validity (5 years) and what credits are", ONE_SIZE, async ({ page }) => {
  await page.goto("/terms");
  const terms = page.getByRole("main");
  await expect(terms).toContainText("크레딧은 서비스 이용권이며 현금으로 교환되지 않습니다.");
  await expect(terms).toContainText("유료 크레딧의 유효기간은 결제가 완료된 때부터 5년입니다.");
  await expect(terms).toContainText("크레딧은 보너스 크레딧부터 먼저 쓰고, 그다음 유효기간이 먼저 끝나는 크레딧부터 씁니다.");
  await expect(terms).toContainText("사용하지 않은 크레딧 팩을 결제일로부터 7일 이내에 청약철회");
  await expect(terms).toContainText("12월 11일 23시 59분까지");

  await page.goto("/refund-policy");
  const policy = page.getByRole("main");
  await expect(policy).toContainText("결제 후 7일 이내, 크레딧을 쓰지 않은 팩");
  await expect(policy).toContainText("유효기간이 지난 크레딧은 소멸하며 환불되지 않습니다.");
  await expect(policy).toContainText("3영업일 이내");
  await expect(policy).toContainText("가상계좌");
});

test("automatic purchases as this server offers them: 제7조의2 with the top-up and e-mail, the data they keep, the e-mail sender, refunds", ONE_SIZE, async ({ page }, testInfo) => {
  await page.goto("/terms");
  const terms = page.getByRole("main");
  const toc = terms.getByRole("navigation", { name: "목차" });
  await toc.getByRole("link", { name: "제7조의2 (자동결제: 정기 충전과 자동충전)" }).click();
  await expect(page).toHaveURL(/#article-7-2$/);
  const article = page.locator("#article-7-2");
  await expect(article).toBeInViewport();
  await expect(article).toContainText("카드를 등록하는 것만으로는 아무것도 결제되지 않습니다.");
  await expect(article).toContainText("회사는 카드번호를 받거나 보관하지 않고");
  await expect(article).toContainText("매월 결제일 3일 전에");
  await expect(article).toContainText("‘내 크레딧’ 화면의 알림과 회원의 이메일(이메일 주소가 있는 경우)로 알립니다.");
  await expect(article).toContainText("한 회원에게 한국 시간으로 하루에 최대 3번까지만 결제");
  await expect(article).toContainText("거절된 결제는 다시 시도하지 않으며");
  // The articles around it keep their numbers and anchors.
  await expect(page.locator("#article-7")).toContainText("제7조 (가격과 결제)");
  await expect(page.locator("#article-8")).toContainText("제8조 (청약철회)");
  await article.screenshot({ path: testInfo.outputPath("legal-terms-article-7-2.png") });

  await page.goto("/privacy");
  await expect(page.locator("#items")).toContainText("자동결제(정기 충전·자동충전) 이용");
  await expect(page.locator("#items")).toContainText("빌링키는 카드번호가 아니라");
  await expect(page.locator("#retention")).toContainText("그 카드로 결제한 주문의 기록과 함께 5년");
  const processors = page.locator("#processors");
  await expect(processors).toContainText("이메일 발송 서버(127.0.0.1)");
  await expect(processors).toContainText("이메일 발송(자동결제 알림");

  await page.goto("/refund-policy");
  await expect(page.locator("#withdrawal")).toContainText("정기 충전·자동충전으로 자동결제된 크레딧 팩도 다른 크레딧 팩과 똑같이");
  await page.locator("#withdrawal").getByRole("link", { name: "이용약관 제7조의2" }).click();
  await expect(page).toHaveURL(/\/terms#article-7-2$/);
  await expect(page.locator("#article-7-2")).toBeInViewport();
});
