// The one reader of process.env. Validated once, at startup (next.config.ts imports this file, so a
// bad value fails `next build` and `next start`), with safe defaults for dev and test so that a fresh
// clone runs with nothing configured. Secrets stay on the server: only NEXT_PUBLIC_* values may be
// handed to the browser, and then only as props from server components.
import { keyPairProblem } from "./toss/key-pair";
import { checkAll, emailList, number, oneOf, text, url, withDefault, type Checked } from "./env-checks";
import { readBusinessProfile } from "./business/profile";
import { supabaseTlsWarnings } from "./database-tls";
import { migrationTarget } from "./database-urls";
import { embeddedDatabaseUrl, embeddedPortFor } from "./embedded-database";

if (typeof window !== "undefined") {
  throw new Error("lib/env.ts is server-only: pass public values to client components as props");
}

/** The docs' public widget key pair (TOSS.md): works with no account; the sandbox accepts it too. */
export const TOSS_DOCS_CLIENT_KEY = "test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm";
export const TOSS_DOCS_SECRET_KEY = "test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6";
/** Toss's public docs pair of API individual keys (billing, the payment window): TOSS.md "Keys". */
export const TOSS_DOCS_API_CLIENT_KEY = "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq";
export const TOSS_DOCS_API_SECRET_KEY = "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R";
export const TOSS_LIVE_API_BASE_URL = "https://api.tosspayments.com";

/**
 * This checkout's embedded PostgreSQL (scripts/lib/embedded-postgres.ts), for a bare `next dev`;
 * `npm run dev` passes the exact URL in DATABASE_URL.
 */
export const EMBEDDED_DATABASE_URL = embeddedDatabaseUrl(embeddedPortFor(process.cwd()), "credit_checkout");

/** NEXTAUTH_SECRET and CRON_SECRET when unset outside production; `npm run preflight` refuses it. */
export const DEV_ONLY_SECRET = "dev-only-secret-never-use-in-production-0123456789";

const optionalString = text();

const schema = {
  NODE_ENV: withDefault(oneOf(["development", "test", "production"]), "development"),
  VERCEL: optionalString,
  VERCEL_ENV: oneOf(["production", "preview", "development"]),
  /** The deployment's own host (no scheme), set by Vercel. */
  VERCEL_URL: optionalString,
  /** The branch's stable host of a preview (what a pull request links to), set by Vercel. */
  VERCEL_BRANCH_URL: optionalString,
  VERCEL_PROJECT_PRODUCTION_URL: optionalString,

  DATABASE_URL: text({ pattern: /^postgres(ql)?:\/\//, message: "must be a postgresql:// connection string" }),
  /**
   * A direct (or session-mode) connection for migrations, where DATABASE_URL is a transaction pooler
   * (Neon's -pooler host, Supabase's port 6543): Prisma's schema engine cannot migrate through one.
   */
  DIRECT_URL: text({ pattern: /^postgres(ql)?:\/\//, message: "must be a postgresql:// connection string" }),
  /** Neon's Vercel integration's name for the direct URL of its DATABASE_URL (every preview branch has its own). */
  DATABASE_URL_UNPOOLED: text({ pattern: /^postgres(ql)?:\/\//, message: "must be a postgresql:// connection string" }),
  /**
   * On a Vercel preview: "branch" when each preview has a database of its own (Neon's integration makes
   * a branch per preview), so its build migrates it; unset or "shared": previews share one database and
   * their builds leave it alone (scripts/vercel-build.ts).
   */
  PREVIEW_DATABASE: oneOf(["branch", "shared"]),
  /** A staging project's explicit opt-in to Toss's test_ keys in a Vercel production deployment. */
  ALLOW_TEST_KEYS_IN_PRODUCTION: oneOf(["1", "true", "0", "false"]),
  NEXTAUTH_SECRET: text({ min: 32 }),
  NEXTAUTH_URL: url(),
  NEXT_PUBLIC_APP_URL: url(),

  TOSS_MODE: oneOf(["sandbox", "live"]),
  NEXT_PUBLIC_TOSS_CLIENT_KEY: text({ pattern: /^(test|live)_(gck|ck)_[A-Za-z0-9_]+$/, message: "must be a Toss client key (test_gck_… or live_gck_…)" }),
  TOSS_SECRET_KEY: text({ pattern: /^(test|live)_(gsk|sk)_[A-Za-z0-9_]+$/, message: "must be a Toss secret key (test_gsk_… or live_gsk_…)" }),
  /**
   * The API individual key pair (API 개별 연동 키) for billing (자동결제): card registration and charges on a
   * saved card. Optional; Toss's docs pair in sandbox mode when unset, billing off in live mode.
   */
  NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: text({ pattern: /^(test|live)_ck_[A-Za-z0-9_]+$/, message: "must be a Toss API individual client key (test_ck_… or live_ck_…)" }),
  TOSS_BILLING_SECRET_KEY: text({ pattern: /^(test|live)_sk_[A-Za-z0-9_]+$/, message: "must be a Toss API individual secret key (test_sk_… or live_sk_…)" }),
  /**
   * Which of Toss's SDKs registers a card for billing: "v2" (the default; TossPayments(clientKey).payment({
   * customerKey }).requestBillingAuth) or "v1" (the v1 payment script's requestBillingAuth('카드', …)), for a
   * merchant whose billing contract and pages are on SDK v1.
   */
  TOSS_BILLING_SDK: oneOf(["v1", "v2"]),
  TOSS_API_BASE_URL: url(),
  /** Opt-in for the sandbox in a production build off Vercel (a CI run of `next start`, a demo server). */
  TOSS_SANDBOX_ALLOW_PRODUCTION: oneOf(["1", "true", "0", "false"]),
  /** Where the sandbox sends webhooks; default: the app's own /api/webhooks/toss. */
  TOSS_SANDBOX_WEBHOOK_URL: url(),
  /** Multiplies Toss's webhook retry delays (1, 4, 16 … 4096 minutes) in the sandbox: 0 < scale <= 1. */
  TOSS_SANDBOX_TIME_SCALE: number({ above: 0, max: 1 }),
  /** Vercel's "Protection Bypass for Automation" secret: lets webhooks and server calls reach a protected preview. */
  VERCEL_AUTOMATION_BYPASS_SECRET: optionalString,

  /** Opens the sandbox console off the local dev server: the CLI sends it, the console page asks for it once. */
  SANDBOX_CONSOLE_TOKEN: text({ min: 24 }),
  /** Signed-in users whose e-mail is listed here may use the sandbox console (comma-separated). */
  SANDBOX_TESTER_EMAILS: emailList(),

  /** Operators: signed-in users whose e-mail is listed here may use /admin and /api/admin (comma-separated). */
  ADMIN_EMAILS: emailList(),

  CRON_SECRET: text({ min: 16 }),
  /**
   * `npm test` only: `next build` skips its own TypeScript check, because `npm test` runs `tsc` on the
   * whole project (tests and scripts included) at the same time. Every other build checks types.
   */
  BUILD_SKIP_TYPECHECK: oneOf(["1"]),
  /**
   * Tests only: every rate-limit window (lib/rate-limit/limits.ts: 15 minutes, an hour, a minute) lasts
   * this many seconds instead, so that a test can see a limit end. Refused in a Vercel production deployment.
   */
  RATE_LIMIT_WINDOW_SECONDS: number({ whole: true, min: 1, max: 86_400 }),

  /**
   * Sentry's DSN (Project Settings → Client Keys): unexpected server errors are reported there, scrubbed
   * of secrets and personal data. Unset: nothing of Sentry is loaded.
   */
  SENTRY_DSN: url({
    test: (dsn) => dsn.username !== "" && /^\/(.+\/)?\d+$/.test(dsn.pathname),
    message: "must be a Sentry DSN: https://<public key>@<host>/<project id>",
  }),
  /** Sentry's environment name; default: VERCEL_ENV, else NODE_ENV. */
  SENTRY_ENVIRONMENT: optionalString,
  VERCEL_GIT_COMMIT_SHA: optionalString,
  /**
   * Benchmarks and tests only: a file to which every database query appends one line (which request,
   * whether it was a new round trip, whether it ended a committed transaction). lib/db-trace.ts.
   */
  DB_TRACE_FILE: optionalString,

  KAKAO_CLIENT_ID: optionalString,
  KAKAO_CLIENT_SECRET: optionalString,
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,

  /** The business (lib/business/profile.ts): required with live_ keys, checked whenever set. */
  BUSINESS_NAME: optionalString,
  BUSINESS_REPRESENTATIVE: optionalString,
  BUSINESS_REGISTRATION_NUMBER: optionalString,
  BUSINESS_MAIL_ORDER_NUMBER: optionalString,
  BUSINESS_MAIL_ORDER_OFFICE: optionalString,
  BUSINESS_ADDRESS: optionalString,
  BUSINESS_PHONE: optionalString,
  BUSINESS_EMAIL: optionalString,
  PRIVACY_OFFICER_NAME: optionalString,
  PRIVACY_OFFICER_CONTACT: optionalString,
  HOSTING_PROVIDER: optionalString,
  /**
   * Days after payment during which the buyer may withdraw (refund) an unused pack themselves
   * (청약철회, 전자상거래법 §17: at least 7). The refund button, API and action enforce it.
   */
  REFUND_WINDOW_DAYS: number({ whole: true, min: 7, max: 365 }),
  /**
   * Months a paid pack's credits stay valid from the payment (default 60: 5 years, the limitation period
   * of a commercial claim). Shown before payment and in the terms; the reconcile cron expires what is left.
   */
  CREDIT_VALIDITY_MONTHS: number({ whole: true, min: 1, max: 60 }),
  /**
   * Threshold auto top-up (자동충전 when the balance falls under a threshold): off unless set, because
   * Toss restricts billing to periodic subscriptions and must approve non-periodic use for the merchant.
   */
  AUTO_TOP_UP_ENABLED: oneOf(["1", "true", "0", "false"]),
  /** The most automatic top-ups one user may be charged in a Seoul day (default 3). */
  AUTO_TOP_UP_DAILY_CAP: number({ whole: true, min: 1, max: 20 }),
  /**
   * The mail transport for notices to buyers (a plan's coming charge, a declined card): an SMTP URL such as
   * smtps://user:password@smtp.example.com:465 or smtp://…:587 (STARTTLS). Unset: notices are in-app only.
   */
  SMTP_URL: smtpUrl(),
  /** The notices' sender, e.g. "크레딧샵 <no-reply@example.com>"; default: the business's name and BUSINESS_EMAIL. */
  MAIL_FROM: text({ pattern: /^([^<>\r\n]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, message: "must be an e-mail address, optionally with a name: 상점 <no-reply@example.com>" }),
  /**
   * Who runs SMTP_URL's server, as the privacy policy names the processor (e.g. "Amazon Web Services, Inc."):
   * the URL's host cannot tell. Unset: the policy names the host. Plain text: no markup or line breaks.
   */
  MAIL_PROVIDER_NAME: text({ pattern: /^[^\p{Cc}<>]{1,100}$/u, message: "must be plain text: a company's name, at most 100 characters, without < > or line breaks" }),
};

/** An smtp:// or smtps:// URL with a host (nodemailer's connection URL). */
function smtpUrl() {
  return text({ pattern: /^smtps?:\/\/([^@/\s]+@)?[^/:@\s]+(:\d+)?\/?(\?\S*)?$/, message: "must be an smtp:// or smtps:// URL: smtps://user:password@smtp.example.com:465" });
}

type Raw = Checked<typeof schema>;

/** Names other integration notes use for our variables: never read, but a warning names ours. */
const FOREIGN_NAMES = {
  TOSS_PAYMENTS_SECRET_KEY: "TOSS_SECRET_KEY",
  NEXT_PUBLIC_TOSS_PAYMENTS_CLIENT_KEY: "NEXT_PUBLIC_TOSS_CLIENT_KEY",
  TOSS_PAYMENTS_CLIENT_KEY: "NEXT_PUBLIC_TOSS_CLIENT_KEY",
} as const;

/** One line per variable set under a name this app does not read, while ours is unset. */
export function foreignNameWarnings(source: Record<string, string | undefined>): string[] {
  return Object.entries(FOREIGN_NAMES)
    .filter(([foreign, ours]) => source[foreign] && !source[ours])
    .map(
      ([foreign, ours]) =>
        `${foreign} is set but this app does not read it: rename it to ${ours} (until then it counts as unset; without Toss keys the app runs the Toss sandbox).`,
    );
}

export class EnvError extends Error {
  /** one "NAME: what is wrong" line per problem (npm run preflight prints each) */
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

function appUrlOf(raw: Raw): string {
  if (raw.NEXT_PUBLIC_APP_URL) return raw.NEXT_PUBLIC_APP_URL.replace(/\/$/, "");
  if (raw.VERCEL_ENV === "production" && raw.VERCEL_PROJECT_PRODUCTION_URL) {
    return `https://${raw.VERCEL_PROJECT_PRODUCTION_URL}`;
  }
  if (raw.VERCEL_URL) return `https://${raw.VERCEL_URL}`;
  return "http://localhost:3000";
}

function ownHostsOf(raw: Raw, appUrl: string): string[] {
  const hosts = [new URL(appUrl).host, raw.NEXTAUTH_URL && new URL(raw.NEXTAUTH_URL).host];
  for (const bare of [raw.VERCEL_URL, raw.VERCEL_BRANCH_URL, raw.VERCEL_PROJECT_PRODUCTION_URL]) {
    if (bare) hosts.push(new URL(`https://${bare.replace(/^https?:\/\//, "")}`).host);
  }
  return [...new Set(hosts.filter((h): h is string => Boolean(h)).map((h) => h.toLowerCase()))];
}

const allowsSandboxInProduction = (raw: Raw) => raw.TOSS_SANDBOX_ALLOW_PRODUCTION === "1" || raw.TOSS_SANDBOX_ALLOW_PRODUCTION === "true";

/**
 * The sandbox approves payments that nobody paid: a production deployment must never run it. Vercel
 * production always refuses; a production build elsewhere (NODE_ENV=production, VERCEL_ENV unset) needs
 * the explicit opt-in. Vercel previews are where testers use the sandbox, so they are allowed.
 */
function sandboxProductionRefusal(raw: Raw): string | null {
  if (raw.VERCEL_ENV === "production") {
    return "TOSS_MODE: the Toss sandbox refuses to run in a Vercel production deployment (VERCEL_ENV=production). Set TOSS_MODE=live with NEXT_PUBLIC_TOSS_CLIENT_KEY and TOSS_SECRET_KEY.";
  }
  if (raw.NODE_ENV === "production" && raw.VERCEL_ENV === undefined && !allowsSandboxInProduction(raw)) {
    return "TOSS_MODE: the Toss sandbox refuses to run with NODE_ENV=production. Set TOSS_MODE=live with your Toss keys, or TOSS_SANDBOX_ALLOW_PRODUCTION=1 for a test or demo server that takes no real payments.";
  }
  return null;
}

/**
 * A Vercel preview is behind Vercel Authentication by default: the in-app sandbox calls its own
 * deployment (confirm, lookups) and sends its webhooks there, and both get 401 without the automation
 * bypass secret, which Vercel sets once a bypass exists. Printed at build and start (next.config.ts).
 */
function protectionWarnings(raw: Raw, tossMode: "sandbox" | "live"): string[] {
  if (raw.VERCEL_ENV !== "preview" || tossMode !== "sandbox" || raw.VERCEL_AUTOMATION_BYPASS_SECRET) return [];
  return [
    "VERCEL_AUTOMATION_BYPASS_SECRET is not set on this preview: with Deployment Protection on (Vercel's default for previews), the sandbox's calls and webhooks to this deployment get 401 and no purchase completes. Create one in Vercel → Settings → Deployment Protection → Protection Bypass for Automation, then redeploy (README, \"On a Vercel preview\").",
  ];
}

/** Parses and checks a set of variables; exported for tests. Throws EnvError naming every bad one. */
export function parseEnv(source: Record<string, string | undefined>) {
  const { values: raw, problems: malformed } = checkAll(schema, source);
  if (malformed.length) throw new EnvError(malformed);
  const production = raw.NODE_ENV === "production";
  const problems: string[] = [];
  const required = (name: keyof Raw, why: string) => {
    if (raw[name] === undefined) problems.push(`${name}: required ${why}`);
  };

  if (production) {
    required("DATABASE_URL", "in production (the embedded database is for development and tests)");
    required("NEXTAUTH_SECRET", "in production (generate one with `openssl rand -base64 32`)");
    required("CRON_SECRET", "in production (Vercel Cron sends it as a Bearer token)");
  }
  for (const [id, secret] of [
    ["KAKAO_CLIENT_ID", "KAKAO_CLIENT_SECRET"],
    ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
  ] as const) {
    if (Boolean(raw[id]) !== Boolean(raw[secret])) problems.push(`${id} and ${secret}: set both or neither`);
  }

  const keysGiven = Boolean(raw.TOSS_SECRET_KEY || raw.NEXT_PUBLIC_TOSS_CLIENT_KEY);
  const tossMode = raw.TOSS_MODE ?? (keysGiven ? "live" : "sandbox");
  if (keysGiven && !(raw.TOSS_SECRET_KEY && raw.NEXT_PUBLIC_TOSS_CLIENT_KEY)) {
    problems.push("NEXT_PUBLIC_TOSS_CLIENT_KEY and TOSS_SECRET_KEY: set both or neither");
  }
  if (tossMode === "live" && !keysGiven) {
    problems.push("TOSS_SECRET_KEY and NEXT_PUBLIC_TOSS_CLIENT_KEY: required when TOSS_MODE=live");
  }
  if (tossMode === "sandbox") {
    for (const name of ["TOSS_SECRET_KEY", "NEXT_PUBLIC_TOSS_CLIENT_KEY"] as const) {
      if (raw[name]?.startsWith("live_")) problems.push(`${name}: live_ keys are refused in sandbox mode`);
    }
    const sandboxRefusal = sandboxProductionRefusal(raw);
    if (sandboxRefusal) problems.push(sandboxRefusal);
  }
  problems.push(...billingKeyProblems(raw, tossMode));
  const liveKeys = tossMode === "live" && Boolean(raw.TOSS_SECRET_KEY?.startsWith("live_") || raw.NEXT_PUBLIC_TOSS_CLIENT_KEY?.startsWith("live_"));
  const business = readBusinessProfile(raw, { required: liveKeys });
  problems.push(...business.problems);
  // A Vercel production deployment with test_ keys grants credits for payments nobody is charged for.
  const testKeys = [raw.TOSS_SECRET_KEY, raw.NEXT_PUBLIC_TOSS_CLIENT_KEY, raw.TOSS_BILLING_SECRET_KEY, raw.NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY].some((key) =>
    key?.startsWith("test_"),
  );
  const stagingOptIn = raw.ALLOW_TEST_KEYS_IN_PRODUCTION === "1" || raw.ALLOW_TEST_KEYS_IN_PRODUCTION === "true";
  if (tossMode === "live" && testKeys && raw.VERCEL_ENV === "production" && !stagingOptIn) {
    problems.push(
      "TOSS_SECRET_KEY: test_ keys are refused in a Vercel production deployment (credits would be granted for payments nobody is charged for). Set your live_ keys, or ALLOW_TEST_KEYS_IN_PRODUCTION=1 for a staging project that takes no real payments.",
    );
  }
  if (raw.RATE_LIMIT_WINDOW_SECONDS !== undefined && raw.VERCEL_ENV === "production") {
    problems.push("RATE_LIMIT_WINDOW_SECONDS: for tests only; a production deployment keeps the default rate-limit windows");
  }
  if (problems.length) throw new EnvError(problems);

  const appUrl = appUrlOf(raw);
  const migration = migrationTarget(raw);
  return {
    /**
     * The hosts this deployment answers on (lowercase, with a port if any): the configured URLs and
     * Vercel's deployment, branch and production hosts. A request on one of these gets its URLs
     * (success/fail, sign-in) on the same host; any other Host header gets appUrl (lib/request-origin.ts).
     */
    ownHosts: ownHostsOf(raw, appUrl),
    /**
     * Whether next-auth takes its origin from the (vetted) forwarded host of each request rather than
     * one fixed URL: on Vercel, unless NEXTAUTH_URL pins it.
     */
    authFollowsHost: raw.VERCEL !== undefined && raw.NEXTAUTH_URL === undefined,
    nodeEnv: raw.NODE_ENV,
    isProduction: production,
    vercelEnv: raw.VERCEL_ENV,
    databaseUrl: raw.DATABASE_URL ?? EMBEDDED_DATABASE_URL,
    /**
     * Where migrations run: DIRECT_URL, else DATABASE_URL_UNPOOLED, else the database URL (a pooled
     * DATABASE_URL cannot migrate; lib/database-urls.ts).
     */
    migrationUrl: migration?.url ?? EMBEDDED_DATABASE_URL,
    /** Which variable migrationUrl came from; null: the embedded database. */
    migrationUrlVariable: migration?.variable ?? null,
    /** Whether a Vercel preview has a database of its own that its build migrates (PREVIEW_DATABASE=branch). */
    previewDatabase: raw.PREVIEW_DATABASE ?? "shared",
    usesEmbeddedDatabase: raw.DATABASE_URL === undefined,
    appUrl,
    nextAuthSecret: raw.NEXTAUTH_SECRET ?? DEV_ONLY_SECRET,
    nextAuthUrl: raw.NEXTAUTH_URL ?? appUrl,
    toss: {
      mode: tossMode,
      clientKey: raw.NEXT_PUBLIC_TOSS_CLIENT_KEY ?? TOSS_DOCS_CLIENT_KEY,
      secretKey: raw.TOSS_SECRET_KEY ?? TOSS_DOCS_SECRET_KEY,
      apiBaseUrl: (
        raw.TOSS_API_BASE_URL ?? (tossMode === "live" ? TOSS_LIVE_API_BASE_URL : `${appUrl}/sandbox/toss`)
      ).replace(/\/$/, ""),
    },
    /**
     * The API individual pair for billing (자동결제): the configured one, Toss's docs pair in sandbox mode
     * when none is set, or null (live mode without one: no card can be saved).
     */
    tossBilling:
      raw.TOSS_BILLING_SECRET_KEY && raw.NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY
        ? { clientKey: raw.NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY, secretKey: raw.TOSS_BILLING_SECRET_KEY }
        : tossMode === "sandbox"
          ? { clientKey: TOSS_DOCS_API_CLIENT_KEY, secretKey: TOSS_DOCS_API_SECRET_KEY }
          : null,
    /** The SDK the account page registers cards with (TOSS_BILLING_SDK, default v2). */
    tossBillingSdk: raw.TOSS_BILLING_SDK ?? "v2",
    sandbox: {
      consoleToken: raw.SANDBOX_CONSOLE_TOKEN,
      testerEmails: raw.SANDBOX_TESTER_EMAILS ?? [],
      webhookUrl: raw.TOSS_SANDBOX_WEBHOOK_URL,
      timeScale: raw.TOSS_SANDBOX_TIME_SCALE ?? 1,
    },
    /** Configuration that is valid but probably not what was meant (printed once at startup). */
    warnings: [
      ...foreignNameWarnings(source),
      ...business.warnings,
      ...protectionWarnings(raw, tossMode),
      ...supabaseTlsWarnings({ DATABASE_URL: raw.DATABASE_URL, DIRECT_URL: raw.DIRECT_URL, DATABASE_URL_UNPOOLED: raw.DATABASE_URL_UNPOOLED }),
    ],
    /** The business shown in the footer and the legal pages; the example (isExample) without live_ keys. */
    business: business.profile,
    /** Days after payment in which a buyer may refund an unused pack themselves (default 7). */
    refundWindowDays: raw.REFUND_WINDOW_DAYS ?? 7,
    /** Threshold auto top-up: on only when AUTO_TOP_UP_ENABLED (Toss must approve it), at most `dailyCap` a day. */
    autoTopUp: {
      enabled: raw.AUTO_TOP_UP_ENABLED === "1" || raw.AUTO_TOP_UP_ENABLED === "true",
      dailyCap: raw.AUTO_TOP_UP_DAILY_CAP ?? 3,
    },
    /** Notices' e-mail (lib/notices/mail.ts): null when SMTP_URL is unset (notices are in-app only). */
    mail: raw.SMTP_URL
      ? { smtpUrl: raw.SMTP_URL, from: raw.MAIL_FROM ?? `${business.profile.name} <${business.profile.email}>` }
      : null,
    /** Who runs the SMTP server, for the privacy policy's processors (MAIL_PROVIDER_NAME); null: unknown. */
    mailProviderName: raw.MAIL_PROVIDER_NAME ?? null,
    /** Months a paid pack's credits stay valid from the payment (default 60). */
    creditValidityMonths: raw.CREDIT_VALIDITY_MONTHS ?? 60,
    /** Vercel's automation bypass secret, for calls into a protected preview (webhooks, the sandbox API). */
    vercelBypassSecret: raw.VERCEL_AUTOMATION_BYPASS_SECRET,
    cronSecret: raw.CRON_SECRET ?? DEV_ONLY_SECRET,
    /** Lowercased e-mails of the operators (/admin); empty: nobody is an operator. */
    adminEmails: raw.ADMIN_EMAILS ?? [],
    /** Tests only: replaces every rate-limit window's length (seconds); null keeps the defaults. */
    rateLimitWindowSeconds: raw.RATE_LIMIT_WINDOW_SECONDS ?? null,
    /** Error reporting; null when SENTRY_DSN is unset. */
    sentry: raw.SENTRY_DSN
      ? {
          dsn: raw.SENTRY_DSN,
          environment: raw.SENTRY_ENVIRONMENT ?? raw.VERCEL_ENV ?? raw.NODE_ENV,
          release: raw.VERCEL_GIT_COMMIT_SHA,
          secrets: serverSecrets(raw),
        }
      : null,
    /** `next build` leaves the type check to `npm test`'s own tsc run (next.config.ts). */
    buildSkipsTypecheck: raw.BUILD_SKIP_TYPECHECK === "1",
    /** Benchmarks and tests only: where lib/db-trace.ts writes one line per query; null: no trace. */
    dbTraceFile: raw.DB_TRACE_FILE ?? null,
    oauth: {
      kakao: raw.KAKAO_CLIENT_ID ? { clientId: raw.KAKAO_CLIENT_ID, clientSecret: raw.KAKAO_CLIENT_SECRET! } : null,
      google: raw.GOOGLE_CLIENT_ID ? { clientId: raw.GOOGLE_CLIENT_ID, clientSecret: raw.GOOGLE_CLIENT_SECRET! } : null,
    },
  };
}

/** The values an error report must never carry, whatever text they turn up in. */
function serverSecrets(raw: Raw): string[] {
  const passwordOf = (url: string | undefined) => {
    try {
      return url ? decodeURIComponent(new URL(url).password) : "";
    } catch {
      return "";
    }
  };
  return [
    raw.TOSS_SECRET_KEY,
    raw.TOSS_BILLING_SECRET_KEY,
    raw.NEXTAUTH_SECRET,
    raw.CRON_SECRET,
    raw.SANDBOX_CONSOLE_TOKEN,
    raw.VERCEL_AUTOMATION_BYPASS_SECRET,
    raw.KAKAO_CLIENT_SECRET,
    raw.GOOGLE_CLIENT_SECRET,
    passwordOf(raw.DATABASE_URL),
    passwordOf(raw.DIRECT_URL),
    passwordOf(raw.DATABASE_URL_UNPOOLED),
    passwordOf(raw.SMTP_URL),
    DEV_ONLY_SECRET,
  ].filter((secret): secret is string => Boolean(secret));
}

export type Env = ReturnType<typeof parseEnv>;

export const env: Env = parseEnv(process.env);

/**
 * The billing pair's own rules: both keys or neither, one pair (lib/toss/key-pair.ts), the same test_ or
 * live_ as the checkout's pair, and no live_ key in sandbox mode.
 */
function billingKeyProblems(
  raw: { NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY?: string; TOSS_BILLING_SECRET_KEY?: string; TOSS_SECRET_KEY?: string },
  tossMode: "live" | "sandbox",
): string[] {
  const client = raw.NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY;
  const secret = raw.TOSS_BILLING_SECRET_KEY;
  if (!client && !secret) return [];
  if (!client || !secret) return ["NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY and TOSS_BILLING_SECRET_KEY: set both or neither"];
  const problems: string[] = [];
  const pair = keyPairProblem(client, secret);
  if (pair) problems.push(`NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY and TOSS_BILLING_SECRET_KEY: ${pair}`);
  if (tossMode === "sandbox" && (client.startsWith("live_") || secret.startsWith("live_"))) {
    problems.push("TOSS_BILLING_SECRET_KEY: live_ keys are refused in sandbox mode");
  }
  const checkout = raw.TOSS_SECRET_KEY;
  if (checkout && checkout.slice(0, 5) !== secret.slice(0, 5)) {
    problems.push("TOSS_BILLING_SECRET_KEY: use test_ keys with test_ keys and live_ with live_ (the billing pair differs from TOSS_SECRET_KEY)");
  }
  return problems;
}
