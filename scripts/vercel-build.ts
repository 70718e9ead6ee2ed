// `npm run vercel-build`, Vercel's build command (vercel.json): validate, build, then migrate, in that
// order (scripts/lib/vercel-build-plan.ts decides; README, "Deploying to Vercel").
// - A bad variable stops it first, one line each: nothing is built, no database touched.
// - Then the sandbox's browser scripts and `next build`.
// - Only when the build passed, and only on production or a preview with a database of its own
//   (PREVIEW_DATABASE=branch): the migrations, through DIRECT_URL (or DATABASE_URL_UNPOOLED), with the
//   project's own WebAssembly schema engine (no engine download), then the catalog seed. The previous
//   deployment serves traffic meanwhile: migrations are expand-only (scripts/lib/expand-only.ts).
import { spawnSync } from "node:child_process";
import { seed } from "../prisma/seed";
import { explainFailure } from "./lib/explain-failure";
import { binOf } from "./lib/processes";
import { applyMigrations, ROOT } from "./lib/schema-engine";
import { buildBrowserScripts, GENERATED_MODULE } from "./lib/toss-browser-scripts";

async function main() {
  const source: Record<string, string | undefined> = { ...process.env };
  // lib/env.ts checks process.env when it is first imported, and throws on the very problems this step
  // reports (under the build's NODE_ENV, not production's). Import it under an empty environment, as
  // `npm run preflight` does, then check `source` as the deployment will run.
  const real = process.env;
  process.env = {} as NodeJS.ProcessEnv;
  let planner: typeof import("./lib/vercel-build-plan");
  try {
    planner = await import("./lib/vercel-build-plan");
  } finally {
    process.env = real;
  }

  const result = planner.planVercelBuild(source);
  if (!result.ok) {
    console.error("✗ Build stopped before building anything or touching the database. Fix (Vercel → Settings → Environment Variables), then redeploy:");
    for (const problem of result.problems) console.error(`✗ ${problem}`);
    process.exitCode = 1;
    return;
  }
  const { steps, migrationUrl, lines } = result.plan;
  for (const line of lines) console.log(line);

  await planner.runSteps(steps, {
    "browser-scripts": async () => {
      await buildBrowserScripts();
      console.log(`✔ Toss sandbox browser scripts → ${GENERATED_MODULE}`);
    },
    "next-build": async () => {
      const build = spawnSync(process.execPath, [binOf("next"), "build"], { cwd: ROOT, stdio: "inherit" });
      if (build.status !== 0) throw new Error(`\`next build\` failed (exit ${build.status ?? build.signal}): nothing was migrated.`);
    },
    migrate: async () => {
      const applied = await applyMigrations(migrationUrl!);
      console.log(applied.length ? `✔ Applied migrations: ${applied.join(", ")}` : "✔ Migrations: none pending.");
    },
    seed: async () => {
      await seed(migrationUrl!);
      console.log("✔ Seeded the product catalog.");
    },
  });
}

main().catch((error) => {
  console.error(`✗ ${explainFailure(error, { stack: false })}`);
  process.exit(1);
});
