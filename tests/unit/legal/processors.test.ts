import { describe, expect, it } from "vitest";
import { entrustedProcessors, mailProcessor, sentryCountry, transfersAbroad, type ProcessorConfig } from "@/lib/legal/processors";

const base: ProcessorConfig = { hostingProvider: "Vercel Inc.", mail: null, sentryDsn: null, kakao: false, google: false };
const SENTRY_US = "https://abc123@o4501.ingest.us.sentry.io/4507";
const SENTRY_EU = "https://abc123@o4501.ingest.de.sentry.io/4507";

describe("entrusted processors (개인정보 처리위탁): only those configured", () => {
  it.each<[string, Partial<ProcessorConfig>, string[], string[]]>([
    ["nothing optional configured", {}, ["toss", "hosting"], ["hosting"]],
    ["Sentry (US region)", { sentryDsn: SENTRY_US }, ["toss", "hosting", "sentry"], ["hosting", "sentry"]],
    ["Kakao only", { kakao: true }, ["toss", "hosting", "kakao"], ["hosting"]],
    ["Google only", { google: true }, ["toss", "hosting", "google"], ["hosting", "google"]],
    ["everything", { sentryDsn: SENTRY_EU, kakao: true, google: true }, ["toss", "hosting", "sentry", "kakao", "google"], ["hosting", "sentry", "google"]],
    ["a host in Korea, nothing else", { hostingProvider: "주식회사 국내호스팅" }, ["toss", "hosting"], []],
    ["e-mail notices (SMTP)", { mail: { smtpUrl: "smtps://u:p@smtp.example.com:465", providerName: null } }, ["toss", "hosting", "mail"], ["hosting"]],
    ["e-mail notices and Sentry", { mail: { smtpUrl: "smtp://127.0.0.1:2525", providerName: "Example Mail Inc." }, sentryDsn: SENTRY_US }, ["toss", "hosting", "mail", "sentry"], ["hosting", "sentry"]],
  ])("%s", (_, change, listed, abroad) => {
    const processors = entrustedProcessors({ ...base, ...change });
    expect(processors.map((p) => p.id)).toEqual(listed);
    expect(transfersAbroad(processors).map((p) => p.id)).toEqual(abroad);
  });

  it("always names Toss Payments for payments, in Korea, with no transfer abroad", () => {
    const [toss] = entrustedProcessors(base);
    expect(toss).toMatchObject({ name: "토스페이먼츠 주식회사", country: "대한민국", abroad: null });
    expect(toss!.task).toContain("결제");
  });

  it("names the host as the profile spells it; Vercel is a transfer to the USA with everything the law asks", () => {
    const [, host] = entrustedProcessors({ ...base, hostingProvider: "  Vercel Inc.  " });
    expect(host!.name).toBe("Vercel Inc.");
    expect(host!.abroad).toMatchObject({ country: "미국", contact: expect.stringMatching(/^https:\/\/vercel\.com\//) });
    for (const field of ["items", "how", "purpose", "retention", "refusal"] as const) expect(host!.abroad![field].length).toBeGreaterThan(5);
  });

  it("an unknown host is listed without a country rather than a guessed one", () => {
    const [, host] = entrustedProcessors({ ...base, hostingProvider: "Example Cloud Ltd." });
    expect(host).toMatchObject({ name: "Example Cloud Ltd.", country: null, abroad: null });
  });

  it("with no DSN there is no Sentry anywhere in the list", () => {
    const processors = entrustedProcessors(base);
    expect(JSON.stringify(processors)).not.toMatch(/sentry/i);
  });
});

describe("the e-mail sender: named by MAIL_PROVIDER_NAME, else by the SMTP host; never a guessed country", () => {
  it.each<[string, string | null, string]>([
    ["smtps://user:password@smtp.example.com:465", null, "이메일 발송 서버(smtp.example.com)"],
    ["smtp://127.0.0.1:2525", null, "이메일 발송 서버(127.0.0.1)"],
    ["smtp://smtp.example.com", null, "이메일 발송 서버(smtp.example.com)"],
    ["smtps://user:password@smtp.example.com:465", "  Example Mail Inc. ", "Example Mail Inc."],
    ["not a url", null, "이메일 발송 서버(설정된 SMTP 서버)"],
  ])("%s with %j → %s", (smtpUrl, providerName, name) => {
    const mail = mailProcessor(smtpUrl, providerName);
    expect(mail).toMatchObject({ id: "mail", name, country: null, abroad: null });
    expect(JSON.stringify(mail)).not.toContain("password");
  });
});

describe("Sentry's country from its DSN", () => {
  it.each([
    [SENTRY_US, "미국"],
    ["https://key@o1.ingest.sentry.io/1", "미국"],
    [SENTRY_EU, "독일"],
    ["https://key@sentry.internal.example.com/3", null],
    ["https://key@sentry.io.example.com/3", null],
    ["not a url", null],
  ])("%s → %s", (dsn, country) => {
    expect(sentryCountry(dsn)).toBe(country);
  });

  it("a self-hosted Sentry is listed by its host, not as a transfer abroad", () => {
    const processors = entrustedProcessors({ ...base, sentryDsn: "https://key@sentry.internal.example.com/3" });
    const sentry = processors.find((p) => p.id === "sentry")!;
    expect(sentry.name).toContain("sentry.internal.example.com");
    expect(sentry.abroad).toBeNull();
  });
});
