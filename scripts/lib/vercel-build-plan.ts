// What a Vercel build does, and in which order (scripts/vercel-build.ts carries it out): decided from
// the environment alone, before anything is built or touches the database. Pure.
//
//   1. validate   lib/env.ts's parseEnv as the deployment will run (NODE_ENV=production); a problem stops
//                 the build here, one line each, with nothing built and no database touched
//   2. build      the sandbox's browser scripts, then `next build`
//   3. migrate    only once the build passed, and only where the deployment has a database to migrate:
//      + seed     production always; a preview only with PREVIEW_DATABASE=branch (a database of its own)
//
// Migrations run while the previous deployment still serves traffic, so they must be expand-only
// (scripts/lib/expand-only.ts). They run through DIRECT_URL (or DATABASE_URL_UNPOOLED): a transaction
// pooler cannot migrate, and saying so before the build beats failing after it.
import { describeDatabaseUrl, differentDatabases, transactionPoolerOf } from "../../lib/database-urls";
import { EnvError, parseEnv, type Env } from "../../lib/env";

export type Step = "browser-scripts" | "next-build" | "migrate" | "seed";

export interface BuildPlan {
  steps: Step[];
  /** Where migrate and seed run; null when they do not. */
  migrationUrl: string | null;
  /** What the build will do, one line each, printed before it starts. */
  lines: string[];
}

export type PlanResult = { ok: true; plan: BuildPlan } | { ok: false; problems: string[] };

/** Whether this deployment's build migrates its database, and the line that says why (or why not). */
export function migrationDecision(env: Pick<Env, "vercelEnv" | "previewDatabase">): { migrate: boolean; line: string } {
  if (env.vercelEnv === "production") {
    return { migrate: true, line: "Production build: the database is migrated and the catalog seeded once `next build` has passed." };
  }
  if (env.vercelEnv === "preview" && env.previewDatabase === "branch") {
    return {
      migrate: true,
      line: "Preview build with a database of its own (PREVIEW_DATABASE=branch): it is migrated and seeded once `next build` has passed.",
    };
  }
  if (env.vercelEnv === "preview") {
    return {
      migrate: false,
      line: "Preview build: the database is not migrated (previews share one database; PREVIEW_DATABASE=branch is for a database per preview).",
    };
  }
  return {
    migrate: false,
    line: `Not a Vercel production or preview build (VERCEL_ENV=${env.vercelEnv ?? "unset"}): the database is not migrated; \`npm run db:migrate\` does that.`,
  };
}

/** Problems with the connection migrations would use: a transaction pooler, or another database than the app's. */
export function migrationUrlProblems(env: Pick<Env, "databaseUrl" | "migrationUrl" | "migrationUrlVariable">): string[] {
  const variable = env.migrationUrlVariable ?? "DATABASE_URL";
  const pooler = transactionPoolerOf(env.migrationUrl);
  if (pooler) {
    return [
      variable === "DATABASE_URL"
        ? `DIRECT_URL: required to migrate: DATABASE_URL goes through a transaction pooler (${pooler}), where migrations fail. Set DIRECT_URL to a direct connection (Neon: the same host without -pooler; Supabase: the session pooler, port 5432).`
        : `${variable}: goes through a transaction pooler (${pooler}), where migrations fail. Give it a direct connection (Neon: the host without -pooler; Supabase: the session pooler, port 5432).`,
    ];
  }
  const different =
    variable === "DATABASE_URL" ? null : differentDatabases({ name: "DATABASE_URL", url: env.databaseUrl }, { name: variable, url: env.migrationUrl });
  return different
    ? [`${variable}: not the database DATABASE_URL names (${different}): the build would migrate another database than the app uses. Point it at the same one; where Neon's integration gives each preview a branch, leave DIRECT_URL out of the Preview scope (the branch's DATABASE_URL_UNPOOLED is used).`]
    : [];
}

/**
 * The build's plan from the environment Vercel gives it (validated as the deployment runs it:
 * NODE_ENV=production), or every problem that stops it before anything is built or migrated.
 */
export function planVercelBuild(source: Record<string, string | undefined>): PlanResult {
  let env: Env;
  try {
    env = parseEnv({ ...source, NODE_ENV: "production" });
  } catch (error) {
    if (error instanceof EnvError) return { ok: false, problems: error.problems };
    throw error;
  }
  const decision = migrationDecision(env);
  if (!decision.migrate) return { ok: true, plan: { steps: ["browser-scripts", "next-build"], migrationUrl: null, lines: [decision.line] } };
  const problems = migrationUrlProblems(env);
  if (problems.length) return { ok: false, problems };
  const through = `Migrations run through ${env.migrationUrlVariable} (${describeDatabaseUrl(env.migrationUrl)}); the app connects with DATABASE_URL (${describeDatabaseUrl(env.databaseUrl)}).`;
  return {
    ok: true,
    plan: { steps: ["browser-scripts", "next-build", "migrate", "seed"], migrationUrl: env.migrationUrl, lines: [decision.line, through] },
  };
}

/** Runs the steps in order; the first that throws stops the rest (a failed `next build` migrates nothing). */
export async function runSteps(steps: Step[], actions: Record<Step, () => Promise<void>>): Promise<void> {
  for (const step of steps) await actions[step]();
}
