import { describe, expect, it } from "vitest";
import { EMBEDDED_DATABASE_URL, EnvError, parseEnv, TOSS_DOCS_CLIENT_KEY, TOSS_DOCS_SECRET_KEY } from "@/lib/env";

const prod = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://u:p@db.example.com:5432/app",
  NEXTAUTH_SECRET: "x".repeat(32),
  CRON_SECRET: "c".repeat(16),
};

/** A complete business profile (lib/business/profile.ts), as live_ keys require. */
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
  PRIVACY_OFFICER_CONTACT: "privacy@shop.example.com",
};

function problemsOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("needs nothing in development: embedded database, sandbox with the docs key pair", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.databaseUrl).toBe(EMBEDDED_DATABASE_URL);
    expect(env.usesEmbeddedDatabase).toBe(true);
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.toss).toEqual({
      mode: "sandbox",
      clientKey: TOSS_DOCS_CLIENT_KEY,
      secretKey: TOSS_DOCS_SECRET_KEY,
      apiBaseUrl: "http://localhost:3000/sandbox/toss",
    });
    expect(env.oauth).toEqual({ kakao: null, google: null });
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ NODE_ENV: "test", DATABASE_URL: "", KAKAO_CLIENT_ID: "" }).usesEmbeddedDatabase).toBe(true);
  });

  it.each([
    ["DATABASE_URL", { ...prod, DATABASE_URL: undefined }, /DATABASE_URL: required in production/],
    ["NEXTAUTH_SECRET", { ...prod, NEXTAUTH_SECRET: undefined }, /NEXTAUTH_SECRET: required in production/],
    ["CRON_SECRET", { ...prod, CRON_SECRET: undefined }, /CRON_SECRET: required in production/],
    ["short NEXTAUTH_SECRET", { ...prod, NEXTAUTH_SECRET: "short" }, /NEXTAUTH_SECRET: must be at least 32/],
    ["non-postgres DATABASE_URL", { ...prod, DATABASE_URL: "mysql://x" }, /DATABASE_URL: must be a postgresql/],
    ["bad NEXT_PUBLIC_APP_URL", { NEXT_PUBLIC_APP_URL: "not a url" }, /NEXT_PUBLIC_APP_URL/],
    ["bad TOSS_MODE", { TOSS_MODE: "prod" }, /TOSS_MODE/],
    ["half a Kakao pair", { KAKAO_CLIENT_ID: "id" }, /KAKAO_CLIENT_ID and KAKAO_CLIENT_SECRET: set both or neither/],
    ["half a Toss pair", { TOSS_SECRET_KEY: "test_gsk_abc" }, /NEXT_PUBLIC_TOSS_CLIENT_KEY and TOSS_SECRET_KEY: set both/],
    ["a secret key in the client key", { NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gsk_abc", TOSS_SECRET_KEY: "test_gsk_abc" }, /NEXT_PUBLIC_TOSS_CLIENT_KEY: must be a Toss client key/],
    ["live mode without keys", { TOSS_MODE: "live" }, /required when TOSS_MODE=live/],
    ["live keys in sandbox mode", { TOSS_MODE: "sandbox", NEXT_PUBLIC_TOSS_CLIENT_KEY: "live_gck_abc", TOSS_SECRET_KEY: "live_gsk_abc" }, /live_ keys are refused in sandbox mode/],
  ])("names the bad variable: %s", (_, source, message) => {
    expect(problemsOf(source)).toMatch(message);
  });

  it("lists every problem at once", () => {
    const message = problemsOf({ NODE_ENV: "production" });
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/NEXTAUTH_SECRET/);
    expect(message).toMatch(/CRON_SECRET/);
  });

  it("accepts a complete production configuration in live mode", () => {
    const env = parseEnv({
      ...prod,
      ...business,
      NEXT_PUBLIC_TOSS_CLIENT_KEY: "live_gck_abc",
      TOSS_SECRET_KEY: "live_gsk_abc",
      NEXT_PUBLIC_APP_URL: "https://shop.example.com/",
      GOOGLE_CLIENT_ID: "g",
      GOOGLE_CLIENT_SECRET: "s",
    });
    expect(env.toss.mode).toBe("live");
    expect(env.toss.apiBaseUrl).toBe("https://api.tosspayments.com");
    expect(env.appUrl).toBe("https://shop.example.com");
    expect(env.oauth.google).toEqual({ clientId: "g", clientSecret: "s" });
  });

  it("derives the app URL on Vercel previews", () => {
    const env = parseEnv({ ...prod, VERCEL: "1", VERCEL_ENV: "preview", VERCEL_URL: "app-git-x.vercel.app" });
    expect(env.appUrl).toBe("https://app-git-x.vercel.app");
    expect(env.nextAuthUrl).toBe("https://app-git-x.vercel.app");
  });

  describe("the Toss sandbox in production", () => {
    const sandboxProd = { ...prod, TOSS_MODE: "sandbox" };

    it("refuses a Vercel production deployment, even with the opt-in", () => {
      const message = problemsOf({ ...sandboxProd, VERCEL: "1", VERCEL_ENV: "production", TOSS_SANDBOX_ALLOW_PRODUCTION: "1" });
      expect(message).toMatch(/Toss sandbox refuses to run in a Vercel production deployment/);
      expect(message).toMatch(/TOSS_MODE=live/);
    });

    it("refuses NODE_ENV=production off Vercel without the opt-in, and by default when no keys are set", () => {
      expect(problemsOf(sandboxProd)).toMatch(/refuses to run with NODE_ENV=production.*TOSS_SANDBOX_ALLOW_PRODUCTION=1/);
      expect(problemsOf({ ...prod, TOSS_MODE: undefined })).toMatch(/refuses to run with NODE_ENV=production/);
      expect(problemsOf({ ...sandboxProd, TOSS_SANDBOX_ALLOW_PRODUCTION: "0" })).toMatch(/NODE_ENV=production/);
    });

    it.each(["1", "true"])("runs off Vercel with TOSS_SANDBOX_ALLOW_PRODUCTION=%s", (optIn) => {
      expect(parseEnv({ ...sandboxProd, TOSS_SANDBOX_ALLOW_PRODUCTION: optIn }).toss.mode).toBe("sandbox");
    });

    it("runs on Vercel previews, where testers use it", () => {
      const env = parseEnv({ ...sandboxProd, VERCEL: "1", VERCEL_ENV: "preview", VERCEL_URL: "app-git-x.vercel.app" });
      expect(env.toss.mode).toBe("sandbox");
      expect(env.toss.apiBaseUrl).toBe("https://app-git-x.vercel.app/sandbox/toss");
    });

    it("does not apply in live mode", () => {
      const env = parseEnv({ ...prod, ...business, VERCEL_ENV: "production", NEXT_PUBLIC_TOSS_CLIENT_KEY: "live_gck_a", TOSS_SECRET_KEY: "live_gsk_a" });
      expect(env.toss.mode).toBe("live");
    });
  });

  describe("sandbox settings", () => {
    it("defaults: webhooks to the app, Toss's own retry schedule", () => {
      const env = parseEnv({ NODE_ENV: "test" });
      expect(env.sandbox).toEqual({ webhookUrl: undefined, timeScale: 1, consoleToken: undefined, testerEmails: [] });
      expect(env.vercelBypassSecret).toBeUndefined();
    });

    it("reads the webhook URL, the time scale and the Vercel bypass secret", () => {
      const env = parseEnv({
        TOSS_SANDBOX_WEBHOOK_URL: "https://hooks.example.com/toss",
        TOSS_SANDBOX_TIME_SCALE: "0.001",
        VERCEL_AUTOMATION_BYPASS_SECRET: "bypass-secret",
      });
      expect(env.sandbox).toMatchObject({ webhookUrl: "https://hooks.example.com/toss", timeScale: 0.001 });
      expect(env.vercelBypassSecret).toBe("bypass-secret");
    });

    it.each([["0"], ["-1"], ["2"], ["fast"]])("refuses TOSS_SANDBOX_TIME_SCALE=%s", (value) => {
      expect(problemsOf({ TOSS_SANDBOX_TIME_SCALE: value })).toMatch(/TOSS_SANDBOX_TIME_SCALE/);
    });
  });
});

describe("variables under another integration's names", () => {
  it("are not read, and one warning line names ours", () => {
    const env = parseEnv({
      NODE_ENV: "development",
      TOSS_PAYMENTS_SECRET_KEY: "test_gsk_someone_elses",
      NEXT_PUBLIC_TOSS_PAYMENTS_CLIENT_KEY: "test_gck_someone_elses",
    });
    expect(env.toss.mode).toBe("sandbox");
    expect(env.toss.secretKey).toBe(TOSS_DOCS_SECRET_KEY);
    expect(env.warnings).toEqual([
      expect.stringMatching(/^TOSS_PAYMENTS_SECRET_KEY is set but this app does not read it: rename it to TOSS_SECRET_KEY/),
      expect.stringMatching(
        /^NEXT_PUBLIC_TOSS_PAYMENTS_CLIENT_KEY is set but this app does not read it: rename it to NEXT_PUBLIC_TOSS_CLIENT_KEY/,
      ),
    ]);
  });

  it("say nothing when ours is set too, or when none is", () => {
    expect(parseEnv({ NODE_ENV: "development" }).warnings).toEqual([]);
    const both = parseEnv({
      NODE_ENV: "development",
      TOSS_PAYMENTS_SECRET_KEY: "test_gsk_x",
      TOSS_SECRET_KEY: TOSS_DOCS_SECRET_KEY,
      NEXT_PUBLIC_TOSS_CLIENT_KEY: TOSS_DOCS_CLIENT_KEY,
    });
    expect(both.warnings).toEqual([]);
  });
});

describe("sandbox console access settings", () => {
  it("reads the console token and the tester e-mails (trimmed, lower-cased)", () => {
    const env = parseEnv({
      NODE_ENV: "development",
      SANDBOX_CONSOLE_TOKEN: "a-console-token-of-24-chars",
      SANDBOX_TESTER_EMAILS: " Ana@Example.com, bo@example.com ,",
    });
    expect(env.sandbox).toMatchObject({ consoleToken: "a-console-token-of-24-chars", testerEmails: ["ana@example.com", "bo@example.com"] });
  });

  it("refuses a short token and a list that is not e-mails", () => {
    expect(problemsOf({ NODE_ENV: "development", SANDBOX_CONSOLE_TOKEN: "short" })).toMatch(/SANDBOX_CONSOLE_TOKEN: must be at least 24 characters/);
    expect(problemsOf({ NODE_ENV: "development", SANDBOX_TESTER_EMAILS: "ana@example.com, not-an-email" })).toMatch(/SANDBOX_TESTER_EMAILS/);
  });
});

describe("rate-limit window override (tests only)", () => {
  it("keeps the default windows unless set, and reads whole seconds", () => {
    expect(parseEnv({ NODE_ENV: "development" }).rateLimitWindowSeconds).toBeNull();
    expect(parseEnv({ NODE_ENV: "development", RATE_LIMIT_WINDOW_SECONDS: "" }).rateLimitWindowSeconds).toBeNull();
    expect(parseEnv({ NODE_ENV: "development", RATE_LIMIT_WINDOW_SECONDS: "15" }).rateLimitWindowSeconds).toBe(15);
    expect(parseEnv({ ...prod, TOSS_SANDBOX_ALLOW_PRODUCTION: "1", RATE_LIMIT_WINDOW_SECONDS: "15" }).rateLimitWindowSeconds).toBe(15);
  });

  it.each(["0", "-5", "1.5", "ten", "86401"])("refuses %j", (value) => {
    expect(problemsOf({ NODE_ENV: "development", RATE_LIMIT_WINDOW_SECONDS: value })).toMatch(/RATE_LIMIT_WINDOW_SECONDS/);
  });

  it("is refused in a Vercel production deployment", () => {
    const source = { ...prod, ...business, VERCEL_ENV: "production", TOSS_MODE: "live", NEXT_PUBLIC_TOSS_CLIENT_KEY: "live_gck_abc", TOSS_SECRET_KEY: "live_gsk_abc" };
    expect(parseEnv(source).rateLimitWindowSeconds).toBeNull();
    expect(problemsOf({ ...source, RATE_LIMIT_WINDOW_SECONDS: "15" })).toMatch(/RATE_LIMIT_WINDOW_SECONDS: for tests only/);
  });
});

describe("operators (ADMIN_EMAILS)", () => {
  it("reads the operators' e-mails trimmed and lower-cased, and none when unset", () => {
    expect(parseEnv({ NODE_ENV: "development", ADMIN_EMAILS: " Ops@Example.com ,owner@example.com," }).adminEmails).toEqual([
      "ops@example.com",
      "owner@example.com",
    ]);
    expect(parseEnv({ NODE_ENV: "development" }).adminEmails).toEqual([]);
  });

  it("refuses a list that is not e-mails", () => {
    expect(problemsOf({ NODE_ENV: "development", ADMIN_EMAILS: "ops@example.com, nobody" })).toMatch(/ADMIN_EMAILS/);
  });
});

describe("the checks of single values (lib/env-checks.ts, no zod)", () => {
  it("reads a Sentry DSN and refuses what is not one", () => {
    const dsn = "https://abc123@o1.ingest.sentry.io/42";
    expect(parseEnv({ NODE_ENV: "development", SENTRY_DSN: dsn }).sentry).toMatchObject({ dsn, environment: "development" });
    for (const wrong of ["https://o1.ingest.sentry.io/42", "https://abc@o1.ingest.sentry.io/project", "not a url", "ftp://abc@host/1"]) {
      expect(problemsOf({ NODE_ENV: "development", SENTRY_DSN: wrong })).toMatch(/SENTRY_DSN: must be/);
    }
  });

  it("takes a value of only spaces as unset, and trims what it keeps", () => {
    const env = parseEnv({ NODE_ENV: "development", KAKAO_CLIENT_ID: "   ", CRON_SECRET: "  cron-secret-of-16+  " });
    expect(env.oauth.kakao).toBeNull();
    expect(env.cronSecret).toBe("cron-secret-of-16+");
  });

  it("names every malformed variable at once, each on its own line", () => {
    const message = problemsOf({ NODE_ENV: "staging", TOSS_MODE: "prod", NEXTAUTH_URL: "javascript:alert(1)", RATE_LIMIT_WINDOW_SECONDS: "1.5" });
    expect(message.split("\n").filter((line) => line.startsWith("  - "))).toEqual([
      '  - NODE_ENV: must be one of "development", "test", "production" (got "staging")',
      "  - NEXTAUTH_URL: must be an http:// or https:// URL",
      '  - TOSS_MODE: must be one of "sandbox", "live" (got "prod")',
      "  - RATE_LIMIT_WINDOW_SECONDS: must be a whole number",
    ]);
  });
});

describe("the business profile (전자상거래법 §10)", () => {
  const live = { ...prod, NEXT_PUBLIC_TOSS_CLIENT_KEY: "live_gck_abc", TOSS_SECRET_KEY: "live_gsk_abc" };

  it("shows the fictional example, marked as such, without live_ keys and with nothing set", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.business).toMatchObject({ isExample: true, registrationNumber: "123-45-67891", hostingProvider: "Vercel Inc." });
    expect(env.warnings).toEqual([]);
  });

  it("reads a complete profile, printed as the law shows it", () => {
    const env = parseEnv({ ...live, ...business, BUSINESS_REGISTRATION_NUMBER: "2208162517", BUSINESS_MAIL_ORDER_NUMBER: "제 2026-서울강남-0123 호" });
    expect(env.business).toEqual({
      isExample: false,
      name: "주식회사 테스트상점",
      representative: "김대표",
      registrationNumber: "220-81-62517",
      businessInfoUrl: "https://www.ftc.go.kr/bizCommPop.do?wrkr_no=2208162517",
      mailOrderNumber: "제2026-서울강남-0123호",
      mailOrderOffice: "서울특별시 강남구청",
      address: "서울특별시 강남구 테헤란로 1",
      phone: "02-123-4567",
      email: "help@shop.example.com",
      privacyOfficer: { name: "이보호", contact: "privacy@shop.example.com" },
      hostingProvider: "Vercel Inc.",
    });
  });

  it("refuses live_ keys with a field missing, one line per field", () => {
    const lines = problemsOf({ ...live, ...business, BUSINESS_ADDRESS: undefined, PRIVACY_OFFICER_NAME: "" }).split("\n").filter((line) => line.startsWith("  - "));
    expect(lines).toEqual([
      "  - BUSINESS_ADDRESS: required with live_ Toss keys (영업소 주소: 전자상거래법 §10, shown in the footer)",
      "  - PRIVACY_OFFICER_NAME: required with live_ Toss keys (개인정보 보호책임자 성명: 전자상거래법 §10, shown in the footer)",
    ]);
  });

  it.each([
    ["a mistyped 사업자등록번호", { BUSINESS_REGISTRATION_NUMBER: "220-81-62518" }, /BUSINESS_REGISTRATION_NUMBER: the check digit does not match/],
    ["nine digits", { BUSINESS_REGISTRATION_NUMBER: "220-81-6251" }, /BUSINESS_REGISTRATION_NUMBER: must be the 10 digits/],
    ["a 신고번호 without its region", { BUSINESS_MAIL_ORDER_NUMBER: "2026-0123" }, /BUSINESS_MAIL_ORDER_NUMBER: must be a 통신판매업 신고번호/],
    ["a phone number of letters", { BUSINESS_PHONE: "call us" }, /BUSINESS_PHONE: must be a Korean phone number/],
    ["an e-mail without a domain", { BUSINESS_EMAIL: "help@" }, /BUSINESS_EMAIL: must be an e-mail address/],
    ["an officer without a contact", { PRIVACY_OFFICER_CONTACT: "ask the office" }, /PRIVACY_OFFICER_CONTACT: must be an e-mail address or a Korean phone number/],
  ])("refuses %s, in any mode", (_, field, message) => {
    expect(problemsOf({ ...live, ...business, ...field })).toMatch(message);
    expect(problemsOf({ NODE_ENV: "development", ...field })).toMatch(message);
  });

  it("keeps test_ keys and the sandbox on the example while a profile is half done, and says so", () => {
    const env = parseEnv({ NODE_ENV: "development", BUSINESS_NAME: "주식회사 테스트상점" });
    expect(env.business.isExample).toBe(true);
    expect(env.warnings.join("\n")).toMatch(/business profile is incomplete \(BUSINESS_REPRESENTATIVE, .*\): the footer shows the example business/);
    expect(parseEnv({ ...prod, NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_abc", TOSS_SECRET_KEY: "test_gsk_abc" }).business.isExample).toBe(true);
  });

  it("names another host when one is set", () => {
    expect(parseEnv({ NODE_ENV: "development", HOSTING_PROVIDER: "Amazon Web Services, Inc." }).business.hostingProvider).toBe("Amazon Web Services, Inc.");
  });
});

describe("REFUND_WINDOW_DAYS", () => {
  it("is 7 days unless set, never fewer than the law's 7", () => {
    expect(parseEnv({ NODE_ENV: "development" }).refundWindowDays).toBe(7);
    expect(parseEnv({ NODE_ENV: "development", REFUND_WINDOW_DAYS: "14" }).refundWindowDays).toBe(14);
    expect(problemsOf({ NODE_ENV: "development", REFUND_WINDOW_DAYS: "3" })).toMatch(/REFUND_WINDOW_DAYS: must be at least 7/);
    expect(problemsOf({ NODE_ENV: "development", REFUND_WINDOW_DAYS: "7.5" })).toMatch(/REFUND_WINDOW_DAYS: must be a whole number/);
  });
});

describe("test_ keys in a Vercel production deployment", () => {
  const vercelProduction = { ...prod, ...business, VERCEL: "1", VERCEL_ENV: "production", TOSS_MODE: "live" };

  it("are refused: credits would be granted for payments nobody is charged for", () => {
    const message = problemsOf({ ...vercelProduction, NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_abc", TOSS_SECRET_KEY: "test_gsk_abc" });
    expect(message).toMatch(/TOSS_SECRET_KEY: test_ keys are refused in a Vercel production deployment/);
    expect(message).toMatch(/ALLOW_TEST_KEYS_IN_PRODUCTION=1/);
  });

  it.each(["1", "true"])("are allowed in a staging project that opts in (ALLOW_TEST_KEYS_IN_PRODUCTION=%s)", (optIn) => {
    const env = parseEnv({ ...vercelProduction, NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_abc", TOSS_SECRET_KEY: "test_gsk_abc", ALLOW_TEST_KEYS_IN_PRODUCTION: optIn });
    expect(env.toss.mode).toBe("live");
  });

  it("stay allowed on previews and off Vercel, and live_ keys in production need no opt-in", () => {
    const testKeys = { NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_abc", TOSS_SECRET_KEY: "test_gsk_abc" };
    expect(parseEnv({ ...vercelProduction, ...testKeys, VERCEL_ENV: "preview" }).toss.mode).toBe("live");
    expect(parseEnv({ ...prod, ...testKeys, TOSS_MODE: "live" }).toss.mode).toBe("live");
    expect(parseEnv({ ...vercelProduction, NEXT_PUBLIC_TOSS_CLIENT_KEY: "live_gck_abc", TOSS_SECRET_KEY: "live_gsk_abc" }).toss.mode).toBe("live");
  });
});

describe("DIRECT_URL", () => {
  it("is where migrations run when set; the database URL otherwise", () => {
    const prod = { NODE_ENV: "development" };
    const pooled = "postgresql://u:p@ep-x-pooler.ap-southeast-1.aws.neon.tech/app?sslmode=require";
    const direct = "postgresql://u:p@ep-x.ap-southeast-1.aws.neon.tech/app?sslmode=require";
    expect(parseEnv({ ...prod, DATABASE_URL: pooled, DIRECT_URL: direct })).toMatchObject({ databaseUrl: pooled, migrationUrl: direct });
    expect(parseEnv({ ...prod, DATABASE_URL: pooled }).migrationUrl).toBe(pooled);
    expect(problemsOf({ ...prod, DIRECT_URL: "mysql://x" })).toMatch(/DIRECT_URL: must be a postgresql:\/\/ connection string/);
  });

  it("falls back to DATABASE_URL_UNPOOLED, the direct URL Neon's Vercel integration sets beside its DATABASE_URL", () => {
    const pooled = "postgresql://u:p@ep-x-pooler.ap-southeast-1.aws.neon.tech/app?sslmode=require";
    const unpooled = "postgresql://u:p@ep-x.ap-southeast-1.aws.neon.tech/app?sslmode=require";
    const direct = "postgresql://u:p@ep-y.ap-southeast-1.aws.neon.tech/app?sslmode=require";
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: unpooled })).toMatchObject({
      migrationUrl: unpooled,
      migrationUrlVariable: "DATABASE_URL_UNPOOLED",
    });
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: unpooled, DIRECT_URL: direct })).toMatchObject({
      migrationUrl: direct,
      migrationUrlVariable: "DIRECT_URL",
    });
    expect(parseEnv({ NODE_ENV: "development" })).toMatchObject({ migrationUrl: EMBEDDED_DATABASE_URL, migrationUrlVariable: null });
    expect(problemsOf({ DATABASE_URL_UNPOOLED: "http://x" })).toMatch(/DATABASE_URL_UNPOOLED: must be a postgresql:\/\/ connection string/);
  });
});

describe("PREVIEW_DATABASE", () => {
  it("says whether a preview has a database of its own (branch) or shares one (the default)", () => {
    expect(parseEnv({ NODE_ENV: "development" }).previewDatabase).toBe("shared");
    expect(parseEnv({ NODE_ENV: "development", PREVIEW_DATABASE: "branch" }).previewDatabase).toBe("branch");
    expect(problemsOf({ PREVIEW_DATABASE: "neon" })).toMatch(/PREVIEW_DATABASE: must be one of "branch", "shared" \(got "neon"\)/);
  });
});

it("gives error reports the passwords of every database URL to scrub", () => {
  const env = parseEnv({
    NODE_ENV: "development",
    SENTRY_DSN: "https://abc123@o1.ingest.sentry.io/42",
    DATABASE_URL: "postgresql://u:pooled-password@ep-x-pooler.neon.tech/app",
    DIRECT_URL: "postgresql://u:direct%40password@ep-x.neon.tech/app",
    DATABASE_URL_UNPOOLED: "postgresql://u:unpooled-password@ep-x.neon.tech/app",
  });
  expect(env.sentry!.secrets).toEqual(expect.arrayContaining(["pooled-password", "direct@password", "unpooled-password"]));
});

describe("a Vercel preview without the automation bypass secret", () => {
  const preview = { ...prod, VERCEL: "1", VERCEL_ENV: "preview", VERCEL_URL: "shop-git-x.vercel.app" };
  const warningOf = (env: { warnings: string[] }) => env.warnings.find((w) => w.startsWith("VERCEL_AUTOMATION_BYPASS_SECRET is not set"));

  it("is warned at build and start that the sandbox's calls and webhooks will get 401 under Deployment Protection", () => {
    expect(warningOf(parseEnv(preview))).toMatch(/Deployment Protection .* get 401 .* Protection Bypass for Automation/);
  });

  it("is not warned with the secret, in live mode, or on production", () => {
    expect(warningOf(parseEnv({ ...preview, VERCEL_AUTOMATION_BYPASS_SECRET: "bypass-secret-value-0123456789ab" }))).toBeUndefined();
    expect(warningOf(parseEnv({ ...preview, NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_abc", TOSS_SECRET_KEY: "test_gsk_abc" }))).toBeUndefined();
    expect(warningOf(parseEnv({ ...prod, TOSS_SANDBOX_ALLOW_PRODUCTION: "1" }))).toBeUndefined();
  });
});
