// `npm run preflight` as a person runs it before going live: the script in a process of its own, with the
// environment it is given (and nothing of the test runner's), against the test server, its Toss sandbox
// and the test database. With a complete business profile it passes as a rehearsal; each thing that
// would stop live payments is its own ✗ line: the sandbox and test keys (without --rehearse), a secret
// key Toss refuses, an http URL, a migration the database lacks, the example profile, a weak secret.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { listMigrations } from "../../scripts/lib/schema-engine";
import { REPO_ROOT } from "../helpers/checkout-copy";
import { APP_URL, newMerchant } from "../helpers/toss-sandbox";

/** A business as its variables would describe it: complete, valid, and not the example's. */
const BUSINESS = {
  BUSINESS_NAME: "프리플라이트 주식회사",
  BUSINESS_REPRESENTATIVE: "김시험",
  BUSINESS_REGISTRATION_NUMBER: "105-87-01232",
  BUSINESS_MAIL_ORDER_NUMBER: "2026-서울강남-0456",
  BUSINESS_MAIL_ORDER_OFFICE: "서울특별시 강남구청",
  BUSINESS_ADDRESS: "서울특별시 강남구 테헤란로 1, 2층",
  BUSINESS_PHONE: "02-123-4567",
  BUSINESS_EMAIL: "help@preflight.example.com",
  PRIVACY_OFFICER_NAME: "김시험",
  PRIVACY_OFFICER_CONTACT: "privacy@preflight.example.com",
};

/**
 * The production environment of a shop still on the sandbox: the test server's URL and database, a
 * sandbox merchant of its own, strong secrets, the business above. `undefined` removes a variable.
 */
function shopEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const merchant = newMerchant();
  const all: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: process.env.DATABASE_URL,
    NEXT_PUBLIC_APP_URL: APP_URL,
    NEXTAUTH_URL: APP_URL,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    CRON_SECRET: randomBytes(32).toString("hex"),
    TOSS_MODE: "sandbox",
    TOSS_SANDBOX_ALLOW_PRODUCTION: "1",
    // Explicit, so that no .env file of the checkout points it elsewhere (a variable already set wins).
    TOSS_API_BASE_URL: `${APP_URL}/sandbox/toss`,
    NEXT_PUBLIC_TOSS_CLIENT_KEY: merchant.clientKey,
    TOSS_SECRET_KEY: merchant.secretKey,
    ...BUSINESS,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

interface Run {
  code: number | null;
  output: string;
  lines: string[];
}

function preflight(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(REPO_ROOT, "scripts/preflight.ts"), ...args], {
      cwd: REPO_ROOT,
      // Only what the test gives: nothing of vitest's own environment (NODE_ENV=test, the test server's).
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output, lines: output.split("\n") }));
  });
}

const marked = (run: Run, mark: "✓" | "✗" | "ℹ") => run.lines.filter((line) => line.startsWith(`${mark} `));

describe("npm run preflight", () => {
  it("passes a rehearsal against the sandbox, the sandbox, test keys and http on this machine as notes", async () => {
    const env = shopEnv();
    const run = await preflight(["--rehearse"], env);
    expect(marked(run, "✗"), run.output).toEqual([]);
    expect(run.code, run.output).toBe(0);
    const { migrationDirectories } = await listMigrations();
    expect(marked(run, "✓")).toEqual(
      expect.arrayContaining([
        "✓ Environment: every variable parses as the app parses it at start (NODE_ENV=production)",
        `✓ Toss keys: one widget pair (test_gck_…${env.NEXT_PUBLIC_TOSS_CLIENT_KEY!.slice(-4)}, test_gsk_…${env.TOSS_SECRET_KEY!.slice(-4)})`,
        `✓ Toss accepts the secret key (${APP_URL}/sandbox/toss: a made-up order's lookup → 404 NOT_FOUND_PAYMENT)`,
        `✓ App answers: GET ${APP_URL}/api/health → 200 (database reachable, TOSS_MODE=sandbox)`,
        `✓ Webhook: POST ${APP_URL}/api/webhooks/toss (a test PAYMENT_STATUS_CHANGED) → 200, UNKNOWN_ORDER`,
        `✓ Migrations: all ${migrationDirectories.length} of prisma/migrations applied`,
        "✓ Catalog: PRO_PACK ₩3,000 (3 credits), PREMIUM_PACK ₩5,000 (5 credits), active",
        "✓ NEXTAUTH_SECRET: strong (44 characters)",
        "✓ CRON_SECRET: strong (64 characters)",
        "✓ Business profile: 프리플라이트 주식회사, 사업자등록번호 105-87-01232, 통신판매업 제2026-서울강남-0456호 (서울특별시 강남구청)",
      ]),
    );
    expect(marked(run, "ℹ")).toEqual([
      "ℹ Notices by e-mail: no SMTP_URL, so a plan's coming charge (3 days before, with its one-click cancel) and a declined card are shown on the account page only; set SMTP_URL to e-mail them",
      `ℹ App URL: NEXT_PUBLIC_APP_URL is ${APP_URL}: http on this machine, fine for a rehearsal`,
      "ℹ TOSS_MODE=sandbox: the built-in sandbox, fine for a rehearsal (live payments need TOSS_MODE=live)",
      `ℹ Test keys (test_gsk_…${env.TOSS_SECRET_KEY!.slice(-4)}): no money moves, fine for a rehearsal`,
    ]);
    expect(run.output).toContain("Rehearsal passed (4 notes).");
    for (const secret of [env.TOSS_SECRET_KEY!, env.NEXTAUTH_SECRET!, env.CRON_SECRET!, new URL(env.DATABASE_URL!).password]) {
      expect(run.output).not.toContain(secret);
    }
  });

  it("without --rehearse, fails on the sandbox, the test keys and http", async () => {
    const env = shopEnv();
    const run = await preflight([], env);
    expect(run.code, run.output).toBe(1);
    expect(marked(run, "✗")).toEqual([
      `✗ NEXT_PUBLIC_APP_URL is ${APP_URL}: http on this machine, not a public https address`,
      "✗ TOSS_MODE=sandbox: the built-in sandbox approves payments nobody paid",
      `✗ You are still on test keys (test_gsk_…${env.TOSS_SECRET_KEY!.slice(-4)}): no buyer's money would move`,
    ]);
    expect(run.output).toContain("3 problems: fix them and run npm run preflight again.");
  });

  it("fails on a secret key Toss refuses, with Toss's code", async () => {
    const id = randomBytes(9).toString("hex");
    const run = await preflight(["--rehearse"], shopEnv({ NEXT_PUBLIC_TOSS_CLIENT_KEY: `test_gck_${id}`, TOSS_SECRET_KEY: `test_gsk_${id}` }));
    expect(run.code, run.output).toBe(1);
    expect(marked(run, "✗")).toEqual([
      `✗ Toss refuses the secret key test_gsk_…${id.slice(-4)} (${APP_URL}/sandbox/toss: 401 UNAUTHORIZED_KEY, "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.")`,
    ]);
    expect(run.output).toMatch(/→ Copy TOSS_SECRET_KEY again from Toss's developer center/);
  });

  it("fails on an http URL that is not this machine's, even in a rehearsal", async () => {
    const env = shopEnv({ NEXT_PUBLIC_APP_URL: "http://shop.invalid", NEXTAUTH_URL: "http://shop.invalid" });
    const run = await preflight(["--rehearse"], env);
    expect(run.code, run.output).toBe(1);
    expect(marked(run, "✗")).toEqual([
      "✗ NEXT_PUBLIC_APP_URL is http://shop.invalid: not https (Toss's review and buyers' browsers expect https)",
      "✗ GET http://shop.invalid/api/health: the host name does not resolve (ENOTFOUND)",
      "✗ POST http://shop.invalid/api/webhooks/toss (a test PAYMENT_STATUS_CHANGED): the host name does not resolve (ENOTFOUND)",
    ]);
    expect(run.output).toMatch(/→ Set NEXT_PUBLIC_APP_URL to the https:\/\/ address buyers use/);
  });

  it("fails on the example business profile, naming the fields to set", async () => {
    const unset = Object.fromEntries(Object.keys(BUSINESS).map((name) => [name, undefined]));
    const run = await preflight(["--rehearse"], shopEnv(unset));
    expect(run.code, run.output).toBe(1);
    expect(marked(run, "✗")).toEqual([
      `✗ Business profile: the shop would show the fictional example (예시크레딧 주식회사, 예시): 10 of 10 fields unset (${Object.keys(BUSINESS).join(", ")})`,
    ]);
  });

  it("fails on a weak CRON_SECRET, and on one that is NEXTAUTH_SECRET again", async () => {
    const repeated = await preflight(["--rehearse"], shopEnv({ CRON_SECRET: "a".repeat(40) }));
    expect(repeated.code, repeated.output).toBe(1);
    expect(marked(repeated, "✗")).toEqual(["✗ CRON_SECRET: one character repeated"]);
    expect(repeated.output).toContain("→ Generate one with `openssl rand -hex 32`, set it as CRON_SECRET for Production");

    const secret = randomBytes(32).toString("base64");
    const same = await preflight(["--rehearse"], shopEnv({ NEXTAUTH_SECRET: secret, CRON_SECRET: secret }));
    expect(marked(same, "✗")).toEqual(["✗ CRON_SECRET: the same value as NEXTAUTH_SECRET"]);
  });

  it("asks for a direct connection for migrations when DATABASE_URL is a transaction pooler, and checks it answers", async () => {
    const pooled = new URL(process.env.DATABASE_URL!);
    pooled.searchParams.set("pgbouncer", "true");
    const missing = await preflight(["--rehearse"], shopEnv({ DATABASE_URL: pooled.toString() }));
    expect(missing.code, missing.output).toBe(1);
    expect(marked(missing, "✗")).toEqual([expect.stringMatching(/^✗ DIRECT_URL: unset, and DATABASE_URL .* is a transaction pooler/)]);

    const direct = await preflight(["--rehearse"], shopEnv({ DATABASE_URL: pooled.toString(), DIRECT_URL: process.env.DATABASE_URL }));
    expect(direct.code, direct.output).toBe(0);
    expect(direct.output).toMatch(/✓ DIRECT_URL: migrations go to .*, the app through the pooler/);

    const nowhere = new URL(process.env.DATABASE_URL!);
    nowhere.port = "9";
    const dead = await preflight(["--rehearse"], shopEnv({ DATABASE_URL: pooled.toString(), DIRECT_URL: nowhere.toString() }));
    expect(marked(dead, "✗")).toEqual([expect.stringMatching(/^✗ DIRECT_URL \(127\.0\.0\.1:9\/.*\) does not answer/)]);
  });

  describe("on a database one migration behind", () => {
    const DATABASE = "credit_checkout_test_preflight";
    let url: string;
    let lastMigration: string;

    async function onServer(sql: string) {
      const admin = new URL(process.env.DATABASE_URL!);
      admin.pathname = "/postgres";
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      await onServer(`drop database if exists "${DATABASE}" with (force)`);
      await onServer(`create database "${DATABASE}"`);
      const own = new URL(process.env.DATABASE_URL!);
      own.pathname = `/${DATABASE}`;
      url = own.toString();
      await prepareDatabase({ configuredUrl: url, embeddedDatabase: DATABASE, log: () => {} });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ migration_name: string }>(
          'delete from "_prisma_migrations" where migration_name = (select max(migration_name) from "_prisma_migrations") returning migration_name',
        );
        lastMigration = rows[0]!.migration_name;
      } finally {
        await client.end();
      }
    });

    afterAll(async () => {
      await onServer(`drop database if exists "${DATABASE}" with (force)`);
    });

    it("fails, naming the migration", async () => {
      const { migrationDirectories } = await listMigrations();
      const run = await preflight(["--rehearse"], shopEnv({ DATABASE_URL: url }));
      expect(run.code, run.output).toBe(1);
      expect(lastMigration).toBe(migrationDirectories.at(-1)!.path);
      expect(marked(run, "✗")).toEqual([`✗ Migrations: 1 of ${migrationDirectories.length} not applied: ${lastMigration}`]);
      expect(run.output).toContain("→ Vercel's build applies them and seeds the catalog (`npm run vercel-build`): redeploy.");
    });
  });
});
