// Database commands that work offline (Prisma's native engine cannot be downloaded everywhere):
//   npm run db:generate                 generate the Prisma client into lib/generated/prisma
//   npm run db:migrate                  apply prisma/migrations (like `prisma migrate deploy`) and seed
//   npm run db:migrate:create -- <name> write a new migration from the change to schema.prisma
//   npm run db:drift                    fail when schema.prisma and the migrations disagree
//   npm run db:seed                     write the catalog into the Product table
// Without DATABASE_URL they use this checkout's embedded PostgreSQL (started for the command and stopped
// after it, or joined when `npm run dev` already runs it). The schema engine's commands (migrate,
// migrate:create, drift) connect through DIRECT_URL, else DATABASE_URL_UNPOOLED, when set: a pooled
// DATABASE_URL (Neon's -pooler host, Supabase's port 6543) cannot migrate (lib/database-urls.ts).
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { describeDatabaseUrl, migrationTarget } from "../lib/database-urls";
import { explainFailure } from "./lib/explain-failure";
import { binOf } from "./lib/processes";
import { diffMigrationsToSchema, isEmptyDiff, MIGRATIONS_DIR, ROOT } from "./lib/schema-engine";
// The seed (and so prepareDatabase) imports the generated client: load them only in the commands that
// need them, so that `generate` runs on a fresh clone, before the client exists.
const loadSeed = () => import("../prisma/seed");
const loadPrepare = () => import("./lib/prepare-database");

const DEV_DATABASE = "credit_checkout";
const configuredUrl = process.env.DATABASE_URL || undefined;
const migration = migrationTarget(process.env);

/** The configured database (through `migration` for the schema engine's work), else the embedded one. */
async function withDatabase<T>(work: (url: string) => Promise<T>, { schemaEngine = false } = {}): Promise<T> {
  if (schemaEngine && migration) {
    if (migration.variable !== "DATABASE_URL") console.log(`Database: ${describeDatabaseUrl(migration.url)}, through ${migration.variable}.`);
    return work(migration.url);
  }
  if (configuredUrl) return work(configuredUrl);
  const cluster = await startEmbeddedPostgres();
  try {
    await ensureDatabase(cluster, DEV_DATABASE);
    console.log(`Database: the ${cluster.describe(DEV_DATABASE)}.`);
    return await work(cluster.url(DEV_DATABASE));
  } finally {
    await cluster.stop();
  }
}

function generate() {
  // `prisma generate` does not run the schema engine, but the CLI insists on finding one at start;
  // any existing file satisfies it (ENVIRONMENT.md).
  const result = spawnSync(process.execPath, [binOf("prisma"), "generate"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  process.exitCode = result.status ?? 1;
}

async function createMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("Usage: npm run db:migrate:create -- <name>   (lowercase letters, digits and _)");
  }
  await withDatabase(async (url) => {
    // What `prisma migrate dev --create-only` writes: the SQL from the replayed migrations to the schema.
    const sql = await diffMigrationsToSchema(url);
    if (isEmptyDiff(sql)) {
      console.log("schema.prisma and the migrations already agree: no migration written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql + "\n");
    console.log(`Wrote ${path.relative(ROOT, dir)}/migration.sql — review it, then commit it.`);
  }, { schemaEngine: true });
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  switch (command) {
    case "generate":
      return generate();
    case "migrate": {
      const { prepareDatabase } = await loadPrepare();
      const { cluster, description } = await prepareDatabase({
        configuredUrl: configuredUrl ?? migration?.url,
        migration,
        embeddedDatabase: DEV_DATABASE,
      });
      console.log(`Database: ${description}.`);
      await cluster?.stop();
      console.log("Database is up to date.");
      return;
    }
    case "migrate:create":
      return createMigration(arg);
    case "drift":
      return withDatabase(async (url) => {
        const sql = await diffMigrationsToSchema(url);
        if (!isEmptyDiff(sql)) {
          console.error("schema.prisma and prisma/migrations disagree. Missing migration:\n\n" + sql);
          console.error("\nWrite it with: npm run db:migrate:create -- <name>");
          process.exitCode = 1;
        } else console.log("schema.prisma and prisma/migrations agree.");
      }, { schemaEngine: true });
    case "seed":
      return withDatabase(async (url) => {
        const { seed } = await loadSeed();
        await seed(url);
        console.log("Seeded the product catalog.");
      });
    default:
      console.error("Usage: tsx scripts/db.ts generate | migrate | migrate:create <name> | drift | seed");
      process.exitCode = 2;
  }
}

main().catch((error) => {
  console.error(explainFailure(error));
  process.exit(1);
});
