// `npm run dev`: the app on http://localhost:3000 with nothing configured. Without DATABASE_URL it
// starts the embedded PostgreSQL (data kept in .data/ across restarts), applies migrations, seeds the
// catalog, then runs `next dev`. With DATABASE_URL it uses that database and starts nothing.
import { spawn } from "node:child_process";
import nextEnv from "@next/env";
import { PortTakenError } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { ROOT } from "./lib/schema-engine";

nextEnv.loadEnvConfig(ROOT, true);

async function main() {
  const configuredUrl = process.env.DATABASE_URL || undefined;
  const { url, cluster } = await prepareDatabase({ configuredUrl, embeddedDatabase: "credit_checkout" });
  console.log(
    configuredUrl
      ? "Using the database from DATABASE_URL."
      : `Embedded PostgreSQL ready${cluster?.owned ? "" : " (already running)"}: ${url}`,
  );

  // Its own process group, so that stopping it stops next-server too (killing npx alone would not).
  const next = spawn("npx", ["next", "dev", ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      if (next.pid) process.kill(-next.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await cluster?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  next.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof PortTakenError ? `\n${error.message}\n` : error);
  process.exit(1);
});
