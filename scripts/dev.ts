// `npm run dev`: the app on http://localhost:3000 with nothing configured. Without DATABASE_URL it
// starts this checkout's embedded PostgreSQL (data kept in .data/ across restarts), applies migrations,
// seeds the catalog, then runs `next dev`. With DATABASE_URL it uses that database and starts nothing
// (migrated through DIRECT_URL when that is set too: lib/database-urls.ts).
import nextEnv from "@next/env";
import { migrationTarget } from "../lib/database-urls";
import { explainFailure } from "./lib/explain-failure";
import { prepareDatabase } from "./lib/prepare-database";
import { spawnBin, stopTree } from "./lib/processes";
import { watchBrowserScripts } from "./lib/toss-browser-scripts";
import { ROOT } from "./lib/schema-engine";

nextEnv.loadEnvConfig(ROOT, true);

async function main() {
  const configuredUrl = process.env.DATABASE_URL || undefined;
  const { url, cluster, description } = await prepareDatabase({
    configuredUrl,
    migration: migrationTarget(process.env),
    embeddedDatabase: "credit_checkout",
  });
  console.log(`Database: ${description}.`);
  // The sandbox's browser scripts, rebuilt on every change of lib/toss-sandbox/browser.
  const stopWatching = await watchBrowserScripts();

  // Its own process group, so that stopping it stops next-server too.
  const next = spawnBin("next", ["dev", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
    group: true,
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    stopTree(next);
    await stopWatching().catch(() => {});
    await cluster?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  next.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(`\n${explainFailure(error)}\n`);
  process.exit(1);
});
