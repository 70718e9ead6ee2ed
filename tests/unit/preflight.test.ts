// The pure parts of `npm run preflight` (scripts/lib/preflight): what makes a secret weak, how keys are
// masked, which URLs count as this machine's, what the migration and catalog rows say, the live switch,
// and the verdict. The checks that talk to the app, Toss and the database: tests/integration/preflight.test.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ONLY_SECRET, parseEnv } from "@/lib/env";
import { checkAppUrl, checkAuthUrl, checkHealth, checkWebhook, isLoopbackHost } from "../../scripts/lib/preflight/app";
import { checkBilling } from "../../scripts/lib/preflight/billing";
import { catalogResult, migrationsResult } from "../../scripts/lib/preflight/database";
import { checkDatabaseTls, checkPreviewBypass, isTransactionPooler, migrationConnectionResult } from "../../scripts/lib/preflight/deployment";
import { readEnvironment } from "../../scripts/lib/preflight/environment";
import { fail, maskKey, note, pass } from "../../scripts/lib/preflight/result";
import { formatReport } from "../../scripts/lib/preflight/run-preflight";
import { secretWeakness } from "../../scripts/lib/preflight/secrets";
import { checkGoingLive, checkKeyPair } from "../../scripts/lib/preflight/toss";

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

const live = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://u:p@db.example.com:5432/app",
  NEXTAUTH_SECRET: "Qm9vdHN0cmFwcGVkIHJhbmRvbSB2YWx1ZSAxMjM0NTY3OA==",
  CRON_SECRET: "9f2c4e1a7b3d5f60c8e2a4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5",
  NEXT_PUBLIC_APP_URL: "https://shop.example.com",
  TOSS_MODE: "live",
  NEXT_PUBLIC_TOSS_CLIENT_KEY: "live_gck_AbCdEfGhIjKlMnOp1234",
  TOSS_SECRET_KEY: "live_gsk_QrStUvWxYz0123456789",
  ...business,
};

describe("secretWeakness", () => {
  it.each([
    [undefined, "not set"],
    [DEV_ONLY_SECRET, "the development default"],
    ["Zq8#kP2m", "only 8 characters (32 or more)"],
    ["a".repeat(40), "one character repeated"],
    ["ab".repeat(20), "only 2 different characters: a pattern, not a random value"],
    ["test-only-cron-secret-0123456789", 'contains "test-only": a phrase or a placeholder, not a random value'],
    ["my-production-password-is-long-enough", 'contains "password": a phrase or a placeholder, not a random value'],
    ["abcdefghijklmnopqrstuvwxyz0123456789", "contains a run like 0123456789: typed, not generated"],
  ])("%j → %s", (value, weakness) => {
    expect(secretWeakness(value)).toBe(weakness);
  });

  it.each([
    ["openssl rand -base64 32", "Qm9vdHN0cmFwcGVkIHJhbmRvbSB2YWx1ZSAxMjM0NTY3OA=="],
    ["openssl rand -hex 32", "9f2c4e1a7b3d5f60c8e2a4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5"],
  ])("accepts what %s makes", (_, value) => {
    expect(secretWeakness(value)).toBeNull();
  });
});

describe("maskKey", () => {
  it.each([
    ["test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6", "test_gsk_…BMw6"],
    ["live_gck_AbCdEfGhIjKlMnOp1234", "live_gck_…1234"],
    ["live_gsk_FAKE", "live_gsk_…"],
    ["not-a-key-at-all-but-long", "…long"],
  ])("%s → %s", (key, masked) => {
    expect(maskKey(key)).toBe(masked);
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["shop.localhost", true],
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["10.0.0.5", false],
    ["shop.example.com", false],
    ["localhost.example.com", false],
  ])("%s → %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe("the environment", () => {
  it("is read with NODE_ENV=production, whatever the shell says", () => {
    const reading = readEnvironment({ ...live, NODE_ENV: "development", DATABASE_URL: undefined });
    expect(reading.env).toBeNull();
    expect(reading.results.filter((r) => !r.ok).map((r) => r.line)).toEqual([
      "Environment: DATABASE_URL: required in production (the embedded database is for development and tests)",
    ]);
  });

  it("with live_ keys, names each missing business field on a line of its own", () => {
    const reading = readEnvironment({ ...live, BUSINESS_PHONE: undefined, PRIVACY_OFFICER_NAME: "" });
    expect(reading.results.filter((r) => !r.ok).map((r) => r.line)).toEqual([
      "Environment: BUSINESS_PHONE: required with live_ Toss keys (고객센터 전화번호: 전자상거래법 §10, shown in the footer)",
      "Environment: PRIVACY_OFFICER_NAME: required with live_ Toss keys (개인정보 보호책임자 성명: 전자상거래법 §10, shown in the footer)",
    ]);
  });
});

describe("the live switch", () => {
  const env = parseEnv(live);

  it("passes live_ widget keys on Toss's API", () => {
    expect(checkKeyPair(env)).toEqual(pass("Toss keys: one widget pair (live_gck_…1234, live_gsk_…6789)"));
    expect(checkGoingLive(env, false)).toEqual([pass("Live: TOSS_MODE=live with live_ keys on https://api.tosspayments.com")]);
    expect(checkAppUrl(env, live, false)).toEqual(pass("App URL: https://shop.example.com is https"));
  });

  it("refuses an API individual pair: the checkout opens the payment widget", () => {
    const api = parseEnv({ ...live, NEXT_PUBLIC_TOSS_CLIENT_KEY: "live_ck_AbCdEfGhIjKl1234", TOSS_SECRET_KEY: "live_sk_QrStUvWxYz5678" });
    expect(checkKeyPair(api)).toMatchObject({ ok: false, line: expect.stringContaining("an API individual pair") });
  });

  it("refuses another API base URL, except in a rehearsal", () => {
    const elsewhere = parseEnv({ ...live, TOSS_API_BASE_URL: "https://toss.example.com" });
    expect(checkGoingLive(elsewhere, false)).toEqual([
      fail("TOSS_API_BASE_URL is https://toss.example.com, not Toss's API", "Unset TOSS_API_BASE_URL (live mode then uses https://api.tosspayments.com), then redeploy."),
    ]);
    expect(checkGoingLive(elsewhere, true)).toMatchObject([{ ok: true, note: true }]);
  });

  it("refuses a NEXTAUTH_URL other than the app's address (a development value left behind)", () => {
    expect(checkAuthUrl(env)).toBeNull();
    expect(checkAuthUrl(parseEnv({ ...live, NEXTAUTH_URL: "https://shop.example.com/" }))).toBeNull();
    expect(checkAuthUrl(parseEnv({ ...live, NEXTAUTH_URL: "http://localhost:3000" }))).toMatchObject({
      ok: false,
      line: "NEXTAUTH_URL is http://localhost:3000, not the app's address https://shop.example.com: sign-in would send buyers there",
    });
  });

  it("refuses an app URL left to Vercel's own host, except in a rehearsal", () => {
    const source = { ...live, NEXT_PUBLIC_APP_URL: undefined, VERCEL_ENV: "production", VERCEL_PROJECT_PRODUCTION_URL: "shop-git.vercel.app" };
    const vercel = parseEnv(source);
    expect(checkAppUrl(vercel, source, false)).toMatchObject({ ok: false, line: "NEXT_PUBLIC_APP_URL is not set, so the app uses https://shop-git.vercel.app (Vercel's own host)" });
    expect(checkAppUrl(vercel, source, true)).toMatchObject({ ok: true, note: true });
  });
});

describe("the database's rows", () => {
  const folders = ["20260101000000_init", "20260102000000_more", "20260103000000_last"];
  const done = (name: string) => ({ migration_name: name, finished_at: new Date(), rolled_back_at: null });

  it.each([
    ["all applied", folders.map(done), [pass("Migrations: all 3 of prisma/migrations applied")]],
    ["no table", null, [{ ok: false, line: "Migrations: none applied (the database has no _prisma_migrations table)" }]],
    ["one pending", folders.slice(0, 2).map(done), [{ ok: false, line: "Migrations: 1 of 3 not applied: 20260103000000_last" }]],
    [
      "one failed halfway",
      [...folders.slice(0, 2).map(done), { migration_name: "20260103000000_last", finished_at: null, rolled_back_at: null }],
      [{ ok: false, line: "Migrations: 20260103000000_last failed halfway, and no later migration will run" }],
    ],
    [
      "one failed, rolled back and applied again",
      [...folders.map(done), { migration_name: "20260103000000_last", finished_at: null, rolled_back_at: new Date() }],
      [pass("Migrations: all 3 of prisma/migrations applied")],
    ],
  ])("%s", (_, rows, expected) => {
    expect(migrationsResult(folders, rows)).toMatchObject(expected);
  });

  it("notes migrations the checkout lacks", () => {
    expect(migrationsResult(folders.slice(0, 2), folders.map(done))).toMatchObject([
      pass("Migrations: all 2 of prisma/migrations applied"),
      note("Migrations: the database has 20260103000000_last, which this checkout lacks: run preflight from the deployed commit"),
    ]);
  });

  it.each([
    [
      "seeded",
      [
        { code: "PRO_PACK", credits: 3, price: 3000, active: true },
        { code: "PREMIUM_PACK", credits: 5, price: 5000, active: true },
      ],
      [pass("Catalog: PRO_PACK ₩3,000 (3 credits), PREMIUM_PACK ₩5,000 (5 credits), active")],
    ],
    ["not seeded", [], [{ ok: false, line: "Catalog: PRO_PACK missing; PREMIUM_PACK missing" }]],
    [
      "a changed price and an inactive pack",
      [
        { code: "PRO_PACK", credits: 3, price: 2900, active: true },
        { code: "PREMIUM_PACK", credits: 5, price: 5000, active: false },
      ],
      [{ ok: false, line: "Catalog: PRO_PACK is ₩2,900 for 3, the catalog says ₩3,000 for 3; PREMIUM_PACK inactive" }],
    ],
    [
      "a ₩0 test product on sale",
      [
        { code: "PRO_PACK", credits: 3, price: 3000, active: true },
        { code: "PREMIUM_PACK", credits: 5, price: 5000, active: true },
        { code: "TEST_PACK", credits: 1, price: 0, active: true },
      ],
      [{ ok: true }, { ok: false, line: "Catalog: active products that cost ₩0: TEST_PACK" }],
    ],
  ])("catalog %s", (_, rows, expected) => {
    expect(catalogResult(rows)).toMatchObject(expected);
  });
});

describe("formatReport", () => {
  it("puts each fix under its line and ends with the verdict", () => {
    const report = formatReport([pass("A"), fail("B", "do this"), note("C")], { rehearse: false, color: false });
    expect(report).toBe("✓ A\n✗ B\n    → do this\nℹ C\n\n1 problem: fix it and run npm run preflight again.");
  });

  it("says a passed rehearsal is not yet a go", () => {
    expect(formatReport([pass("A"), note("B")], { rehearse: true, color: false })).toMatch(/\nRehearsal passed \(1 note\)\. Before live payments, run npm run preflight without --rehearse/);
    expect(formatReport([pass("A")], { rehearse: false, color: false })).toMatch(/\nReady for live payments\.$/);
  });
});

describe("what the app's answers say (a stand-in server on 127.0.0.1)", () => {
  let base: string;
  let server: http.Server;
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const answers: Record<string, { status: number; body: string; headers?: Record<string, string> }> = {
    "/ours/api/webhooks/toss": { status: 200, body: JSON.stringify({ ok: true, outcome: "UNKNOWN_ORDER" }) },
    "/protected/api/webhooks/toss": { status: 401, body: "<html>Authentication Required</html>" },
    "/moved/api/webhooks/toss": { status: 308, body: "", headers: { Location: "https://www.shop.example.com/api/webhooks/toss" } },
    "/failing/api/webhooks/toss": { status: 503, body: JSON.stringify({ error: { code: "WEBHOOK_RETRY_LATER", message: "잠시 후 다시 보내 주세요." } }) },
    "/other/api/webhooks/toss": { status: 200, body: "<html>a landing page</html>" },
    "/ours/api/health": { status: 200, body: JSON.stringify({ status: "ok", database: "reachable", tossMode: "live", version: "0.1.0" }) },
    "/down/api/health": { status: 503, body: JSON.stringify({ status: "unavailable", database: "unreachable", tossMode: "live" }) },
  };

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        const answer = answers[request.url ?? ""] ?? { status: 404, body: "Not Found" };
        response.writeHead(answer.status, answer.headers).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => void server.close());

  const envAt = (path: string) => parseEnv({ ...live, NEXT_PUBLIC_APP_URL: `${base}${path}` });

  it("sends a Toss-shaped PAYMENT_STATUS_CHANGED with Toss's headers, and passes on the app's 200", async () => {
    received.length = 0;
    expect(await checkWebhook(`${base}/ours/api/webhooks/toss`)).toEqual(pass(`Webhook: POST ${base}/ours/api/webhooks/toss (a test PAYMENT_STATUS_CHANGED) → 200, UNKNOWN_ORDER`));
    const [delivery] = received;
    expect(delivery!.headers).toMatchObject({
      "content-type": "application/json",
      "tosspayments-webhook-transmission-id": expect.stringMatching(/^whtrans_preflight_[0-9a-f]{24}$/),
      "tosspayments-webhook-transmission-retried-count": "0",
    });
    const body = JSON.parse(delivery!.body);
    expect(body).toMatchObject({ eventType: "PAYMENT_STATUS_CHANGED", data: { status: "DONE", paymentKey: expect.stringMatching(/^preflight_/) } });
    expect(body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it.each([
    ["protected", "→ 401: refused before the app (Vercel Deployment Protection, or a firewall)"],
    ["moved", "→ 308, a redirect to https://www.shop.example.com/api/webhooks/toss"],
    ["failing", "→ 503 WEBHOOK_RETRY_LATER: the app failed on it, and Toss would retry it for days"],
    ["other", "→ 200, but not this app's answer: the delivery never reached the app"],
    ["nowhere", "→ 404: nothing of this app answers there"],
  ])("fails on a webhook URL that is %s", async (path, said) => {
    const result = await checkWebhook(`${base}/${path}/api/webhooks/toss`);
    expect(result.ok).toBe(false);
    expect(result.line).toBe(`POST ${base}/${path}/api/webhooks/toss (a test PAYMENT_STATUS_CHANGED) ${said}`);
    expect(result.fix).toBeTruthy();
  });

  it("never prints the protection bypass secret of a webhook URL", async () => {
    const result = await checkWebhook(`${base}/protected/api/webhooks/toss?x-vercel-protection-bypass=s3cr3t-bypass-value`);
    expect(result.line).toContain("?x-vercel-protection-bypass=…");
    expect(result.line).not.toContain("s3cr3t");
  });

  it("reads the health answer: up, down, another site, another mode", async () => {
    expect(await checkHealth(envAt("/ours"))).toEqual(pass(`App answers: GET ${base}/ours/api/health → 200 (database reachable, TOSS_MODE=live)`));
    expect(await checkHealth(envAt("/down"))).toMatchObject({ ok: false, line: `GET ${base}/down/api/health → 503: the app answers but cannot reach its database` });
    expect(await checkHealth(envAt("/nowhere"))).toMatchObject({ ok: false, line: `GET ${base}/nowhere/api/health → 404: nothing of this app answers there` });
    const sandbox = { ...live, NEXT_PUBLIC_APP_URL: `${base}/ours`, NEXTAUTH_URL: undefined, TOSS_MODE: "sandbox", NEXT_PUBLIC_TOSS_CLIENT_KEY: undefined, TOSS_SECRET_KEY: undefined, TOSS_SANDBOX_ALLOW_PRODUCTION: "1" };
    expect(await checkHealth(parseEnv(sandbox))).toMatchObject({
      ok: false,
      line: `GET ${base}/ours/api/health → 200, but the deployment runs TOSS_MODE=live while this environment says sandbox`,
    });
  });
});

describe("the deployment's first-time traps (issue #24)", () => {
  const neonPooled = "postgresql://u:p@ep-cool-1234-pooler.ap-southeast-1.aws.neon.tech/app?sslmode=require";
  const neonDirect = "postgresql://u:p@ep-cool-1234.ap-southeast-1.aws.neon.tech/app?sslmode=require";
  const supabasePooled = "postgresql://postgres.ref:p@aws-0-ap-northeast-2.pooler.supabase.com:6543/postgres?pgbouncer=true";
  const supabaseSession = "postgresql://postgres.ref:p@aws-0-ap-northeast-2.pooler.supabase.com:5432/postgres";

  it.each([
    [neonPooled, true],
    [neonDirect, false],
    [supabasePooled, true],
    [supabaseSession, false],
    ["postgresql://u:p@db.example.com:5432/app?pgbouncer=true", true],
    ["not a url", false],
  ])("%s is a transaction pooler: %s", (url, pooled) => {
    expect(isTransactionPooler(url)).toBe(pooled);
  });

  it("asks for DIRECT_URL when DATABASE_URL is a pooler, and refuses a pooler there too", () => {
    const withUrls = (urls: Record<string, string>) => {
      const source = { ...live, ...urls };
      return migrationConnectionResult(parseEnv(source), source);
    };
    expect(withUrls({ DATABASE_URL: neonPooled })).toMatchObject({ ok: false, line: expect.stringContaining("DIRECT_URL: unset") });
    expect(withUrls({ DATABASE_URL: supabasePooled, DIRECT_URL: supabasePooled })).toMatchObject({ ok: false, line: expect.stringContaining("is a transaction pooler too") });
    expect(withUrls({ DATABASE_URL: neonPooled, DIRECT_URL: neonDirect })).toMatchObject({ ok: true, line: expect.stringContaining("the app through the pooler") });
    expect(withUrls({ DATABASE_URL: neonDirect })).toBeNull();
  });

  it("a preview in sandbox mode needs the automation bypass secret; nothing else is asked it", () => {
    const preview = { ...live, VERCEL: "1", VERCEL_ENV: "preview", TOSS_MODE: "sandbox", NEXT_PUBLIC_TOSS_CLIENT_KEY: undefined, TOSS_SECRET_KEY: undefined };
    expect(checkPreviewBypass(parseEnv(preview))).toMatchObject({ ok: false, fix: expect.stringContaining("Protection Bypass for Automation") });
    expect(checkPreviewBypass(parseEnv({ ...preview, VERCEL_AUTOMATION_BYPASS_SECRET: "bypass-0123456789abcdef0123" }))).toMatchObject({ ok: true });
    expect(checkPreviewBypass(parseEnv(live))).toBeNull();
  });

  it("test_ keys in a Vercel production deployment fail the environment check, naming the opt-in", () => {
    const reading = readEnvironment({ ...live, VERCEL: "1", VERCEL_ENV: "production", NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_AbCdEfGh1234", TOSS_SECRET_KEY: "test_gsk_QrStUvWx5678" });
    expect(reading.env).toBeNull();
    expect(reading.results.find((r) => !r.ok)?.line).toMatch(/test_ keys are refused in a Vercel production deployment.*ALLOW_TEST_KEYS_IN_PRODUCTION=1/);
  });
});

describe("a Supabase URL pg cannot use as meant", () => {
  const supabase = "postgresql://postgres.ref:p@aws-0-ap-northeast-2.pooler.supabase.com:6543/postgres?pgbouncer=true";
  it("is a ✗ for each variable that holds one, with the parameters to use", () => {
    const results = checkDatabaseTls({ DATABASE_URL: `${supabase}&sslmode=require`, DIRECT_URL: supabase.replace(":6543", ":5432").replace("?pgbouncer=true", "") });
    expect(results.map((r) => [r.ok, r.line])).toEqual([
      [false, "TLS: DATABASE_URL: pg would check Supabase's certificate against public CAs and fail"],
      [false, "TLS: DIRECT_URL: pg would talk to Supabase unencrypted"],
    ]);
    expect(results[0]!.fix).toContain("uselibpqcompat=true&sslmode=require");
  });

  it("says nothing of the recommended URL, or of another provider's", () => {
    expect(checkDatabaseTls({ DATABASE_URL: `${supabase}&uselibpqcompat=true&sslmode=require` })).toEqual([]);
    expect(checkDatabaseTls({ DATABASE_URL: "postgresql://u:p@ep-x-pooler.ap-southeast-1.aws.neon.tech/neondb?sslmode=verify-full" })).toEqual([]);
  });
});

describe("the billing check", () => {
  it("says billing is off without a pair, and what a pair without SMTP_URL leaves to the account page", () => {
    const off = checkBilling(parseEnv(live));
    expect(off).toEqual([expect.objectContaining({ ok: true, note: true, line: expect.stringContaining("off") })]);
    const billingPair = { NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: "live_ck_AbCdEfGhIjKlMnOp1234", TOSS_BILLING_SECRET_KEY: "live_sk_QrStUvWxYz0123456789" };
    const noMail = checkBilling(parseEnv({ ...live, ...billingPair }));
    expect(noMail[0]).toMatchObject({ ok: true, line: expect.stringContaining("SDK v2") });
    expect(noMail[0]!.line).not.toContain("QrStUvWxYz0123456789");
    expect(noMail[1]).toMatchObject({ ok: true, note: true, line: expect.stringContaining("no SMTP_URL") });
    const mail = checkBilling(parseEnv({ ...live, ...billingPair, SMTP_URL: "smtps://u:p@smtp.example.com:465", AUTO_TOP_UP_ENABLED: "1" }));
    expect(mail[1]).toMatchObject({ ok: true, line: expect.stringContaining("sent as 주식회사 테스트상점 <help@shop.example.com>") });
    expect(mail[2]).toMatchObject({ note: true, line: expect.stringContaining("approve") });
  });
});
