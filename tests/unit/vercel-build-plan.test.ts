// The Vercel build's decisions (scripts/lib/vercel-build-plan.ts): validate first, build, and migrate
// only once the build passed, only where the deployment has a database of its own, and only through a
// connection that can migrate. A real run that stops at validation: tests/integration/vercel-build.test.ts.
import { describe, expect, it } from "vitest";
import { migrationDecision, planVercelBuild, runSteps, type Step } from "../../scripts/lib/vercel-build-plan";

const NEON_POOLED = "postgresql://app:pw@ep-cool-darkness-a1b2c3d4-pooler.ap-southeast-1.aws.neon.tech/neondb?sslmode=require";
const NEON_DIRECT = "postgresql://app:pw@ep-cool-darkness-a1b2c3d4.ap-southeast-1.aws.neon.tech/neondb?sslmode=require";
const NEON_BRANCH_POOLED = "postgresql://app:pw@ep-preview-b9c8d7e6-pooler.ap-southeast-1.aws.neon.tech/neondb?sslmode=require";
const NEON_BRANCH_DIRECT = "postgresql://app:pw@ep-preview-b9c8d7e6.ap-southeast-1.aws.neon.tech/neondb?sslmode=require";
const SUPABASE_TRANSACTION = "postgresql://postgres.abcdefghijklmnop:pw@aws-0-ap-northeast-2.pooler.supabase.com:6543/postgres?pgbouncer=true";
const SUPABASE_SESSION = "postgresql://postgres.abcdefghijklmnop:pw@aws-0-ap-northeast-2.pooler.supabase.com:5432/postgres";
const SUPABASE_DIRECT = "postgresql://postgres:pw@db.abcdefghijklmnop.supabase.co:5432/postgres";

/** What Vercel gives a production build of a shop that takes real payments (a staging pair here). */
const production = {
  VERCEL: "1",
  VERCEL_ENV: "production",
  DATABASE_URL: NEON_POOLED,
  DIRECT_URL: NEON_DIRECT,
  NEXTAUTH_SECRET: "n".repeat(44),
  CRON_SECRET: "c".repeat(64),
  TOSS_MODE: "live",
  NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_abc",
  TOSS_SECRET_KEY: "test_gsk_abc",
  ALLOW_TEST_KEYS_IN_PRODUCTION: "1",
};
/** A preview in sandbox mode, on the Preview scope's variables. */
const preview = {
  VERCEL: "1",
  VERCEL_ENV: "preview",
  DATABASE_URL: NEON_BRANCH_POOLED,
  NEXTAUTH_SECRET: "n".repeat(44),
  CRON_SECRET: "c".repeat(64),
};

const BUILD: Step[] = ["browser-scripts", "next-build"];
const BUILD_AND_MIGRATE: Step[] = ["browser-scripts", "next-build", "migrate", "seed"];

describe("migrationDecision", () => {
  it.each([
    ["production", "shared", true, /^Production build: the database is migrated and the catalog seeded once `next build` has passed\.$/],
    ["production", "branch", true, /^Production build/],
    ["preview", "branch", true, /PREVIEW_DATABASE=branch/],
    ["preview", "shared", false, /^Preview build: the database is not migrated \(previews share one database/],
    ["development", "shared", false, /VERCEL_ENV=development\): the database is not migrated/],
    [undefined, "branch", false, /VERCEL_ENV=unset\): the database is not migrated; `npm run db:migrate` does that\.$/],
  ] as const)("VERCEL_ENV=%s, PREVIEW_DATABASE=%s → migrate: %s", (vercelEnv, previewDatabase, migrate, line) => {
    const decision = migrationDecision({ vercelEnv, previewDatabase });
    expect(decision.migrate).toBe(migrate);
    expect(decision.line).toMatch(line);
  });
});

describe("planVercelBuild", () => {
  it.each([
    ["production, Neon: migrate through DIRECT_URL", production, BUILD_AND_MIGRATE, NEON_DIRECT],
    ["production, Neon's integration: through DATABASE_URL_UNPOOLED", { ...production, DIRECT_URL: undefined, DATABASE_URL_UNPOOLED: NEON_DIRECT }, BUILD_AND_MIGRATE, NEON_DIRECT],
    ["production, Supabase: through the session pooler", { ...production, DATABASE_URL: SUPABASE_TRANSACTION, DIRECT_URL: SUPABASE_SESSION }, BUILD_AND_MIGRATE, SUPABASE_SESSION],
    ["production, Supabase: through the direct host", { ...production, DATABASE_URL: SUPABASE_TRANSACTION, DIRECT_URL: SUPABASE_DIRECT }, BUILD_AND_MIGRATE, SUPABASE_DIRECT],
    ["production, an unpooled DATABASE_URL alone", { ...production, DATABASE_URL: SUPABASE_SESSION, DIRECT_URL: undefined }, BUILD_AND_MIGRATE, SUPABASE_SESSION],
    ["a preview with a branch of its own", { ...preview, PREVIEW_DATABASE: "branch", DATABASE_URL_UNPOOLED: NEON_BRANCH_DIRECT }, BUILD_AND_MIGRATE, NEON_BRANCH_DIRECT],
    ["a preview on the shared database", preview, BUILD, null],
    ["a preview saying so", { ...preview, PREVIEW_DATABASE: "shared" }, BUILD, null],
    // A shared preview is not migrated, so its migration URL is not checked either.
    ["a preview on a pooled URL alone", { ...preview, DATABASE_URL: NEON_POOLED }, BUILD, null],
    ["`vercel dev`", { ...preview, VERCEL_ENV: "development", TOSS_SANDBOX_ALLOW_PRODUCTION: "1" }, BUILD, null],
  ])("%s", (_, source, steps, migrationUrl) => {
    const result = planVercelBuild(source);
    expect(result).toMatchObject({ ok: true, plan: { steps, migrationUrl } });
  });

  it("says where migrations run and where the app connects, never with a password", () => {
    const result = planVercelBuild(production);
    expect(result.ok && result.plan.lines).toEqual([
      "Production build: the database is migrated and the catalog seeded once `next build` has passed.",
      "Migrations run through DIRECT_URL (ep-cool-darkness-a1b2c3d4.ap-southeast-1.aws.neon.tech/neondb); the app connects with DATABASE_URL (ep-cool-darkness-a1b2c3d4-pooler.ap-southeast-1.aws.neon.tech/neondb).",
    ]);
    expect(result.ok && result.plan.lines.join("\n")).not.toMatch(/\bpw\b|app:/);
  });

  it.each([
    ["a missing secret and the sandbox in production", { ...production, CRON_SECRET: undefined, TOSS_MODE: "sandbox", NEXT_PUBLIC_TOSS_CLIENT_KEY: undefined, TOSS_SECRET_KEY: undefined }, [
      /^CRON_SECRET: required in production/,
      /^TOSS_MODE: the Toss sandbox refuses to run in a Vercel production deployment/,
    ]],
    ["a malformed DIRECT_URL", { ...production, DIRECT_URL: "mysql://x" }, [/^DIRECT_URL: must be a postgresql:\/\/ connection string$/]],
    // Validated as the deployment runs (NODE_ENV=production), whatever NODE_ENV the build has.
    ["no DATABASE_URL, under a build's NODE_ENV=development", { ...preview, NODE_ENV: "development", DATABASE_URL: undefined }, [/^DATABASE_URL: required in production/]],
    ["production through Neon's pooler alone", { ...production, DIRECT_URL: undefined }, [
      /^DIRECT_URL: required to migrate: DATABASE_URL goes through a transaction pooler \(the host ep-cool-darkness-a1b2c3d4-pooler\.ap-southeast-1\.aws\.neon\.tech is Neon's pooled endpoint\)/,
    ]],
    ["production through Supabase's transaction pooler alone", { ...production, DATABASE_URL: SUPABASE_TRANSACTION, DIRECT_URL: undefined }, [
      /^DIRECT_URL: required to migrate: DATABASE_URL goes through a transaction pooler \(port 6543 is Supabase's transaction pooler\)/,
    ]],
    ["a DIRECT_URL that is a pooler too", { ...production, DIRECT_URL: SUPABASE_TRANSACTION, DATABASE_URL: SUPABASE_TRANSACTION }, [/^DIRECT_URL: goes through a transaction pooler/]],
    // Production's DIRECT_URL copied into the Preview scope, where Neon's integration gives the preview a branch.
    ["a branch preview whose DIRECT_URL is another Neon endpoint", { ...preview, PREVIEW_DATABASE: "branch", DIRECT_URL: NEON_DIRECT, DATABASE_URL_UNPOOLED: NEON_BRANCH_DIRECT }, [
      /^DIRECT_URL: not the database DATABASE_URL names \(different Neon endpoints, so another branch or project \(DATABASE_URL: ep-preview-b9c8d7e6, DIRECT_URL: ep-cool-darkness-a1b2c3d4\)\)/,
    ]],
    ["a DIRECT_URL of another Supabase project", { ...production, DATABASE_URL: SUPABASE_TRANSACTION, DIRECT_URL: SUPABASE_DIRECT.replace("abcdefghijklmnop", "qrstuvwxyzabcdef") }, [
      /^DIRECT_URL: not the database DATABASE_URL names \(different Supabase projects \(DATABASE_URL: abcdefghijklmnop, DIRECT_URL: qrstuvwxyzabcdef\)\)/,
    ]],
    ["a DIRECT_URL naming another database", { ...production, DIRECT_URL: NEON_DIRECT.replace("/neondb", "/other") }, [/^DIRECT_URL: not the database DATABASE_URL names \(different databases \(DATABASE_URL: neondb, DIRECT_URL: other\)\)/]],
  ])("stops at validation: %s", (_, source, problems) => {
    const result = planVercelBuild(source);
    expect(result.ok).toBe(false);
    const found = result.ok ? [] : result.problems;
    expect(found).toHaveLength(problems.length);
    problems.forEach((problem, i) => expect(found[i]).toMatch(problem));
  });
});

describe("runSteps", () => {
  const record = (failing?: Step) => {
    const ran: Step[] = [];
    const action = (step: Step) => async () => {
      ran.push(step);
      if (step === failing) throw new Error(`${step} failed`);
    };
    const actions = { "browser-scripts": action("browser-scripts"), "next-build": action("next-build"), migrate: action("migrate"), seed: action("seed") };
    return { ran, actions };
  };

  it("runs the plan's steps in order", async () => {
    const { ran, actions } = record();
    await runSteps(BUILD_AND_MIGRATE, actions);
    expect(ran).toEqual(BUILD_AND_MIGRATE);
  });

  it.each([
    ["next-build", ["browser-scripts", "next-build"]],
    ["browser-scripts", ["browser-scripts"]],
    ["migrate", ["browser-scripts", "next-build", "migrate"]],
  ] as const)("stops at the first failure: %s failing leaves the rest unrun", async (failing, ran) => {
    const run = record(failing);
    await expect(runSteps(BUILD_AND_MIGRATE, run.actions)).rejects.toThrow(`${failing} failed`);
    expect(run.ran).toEqual(ran);
  });
});
