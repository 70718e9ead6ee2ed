// Brings a database up to date: starts the embedded PostgreSQL when DATABASE_URL is unset, creates
// the database, applies migrations and seeds the catalog. Shared by `npm run dev`, `npm test` and
// `npm run db:*`.
import { seed } from "../../prisma/seed";
import { ensureDatabase, recreateDatabase, startEmbeddedPostgres, type RunningCluster } from "./embedded-postgres";
import { applyMigrations } from "./schema-engine";

export interface PreparedDatabase {
  url: string;
  cluster: RunningCluster | null;
}

export async function prepareDatabase(options: {
  /** DATABASE_URL as configured; when undefined the embedded cluster is used */
  configuredUrl: string | undefined;
  /** database name on the embedded cluster */
  embeddedDatabase: string;
  /** drop and recreate the embedded database first (tests) */
  fresh?: boolean;
  log?: (line: string) => void;
}): Promise<PreparedDatabase> {
  const log = options.log ?? console.log;
  let cluster: RunningCluster | null = null;
  let url = options.configuredUrl;
  if (!url) {
    const { embeddedUrl } = await import("./embedded-postgres");
    cluster = await startEmbeddedPostgres(log);
    if (options.fresh) await recreateDatabase(options.embeddedDatabase);
    else await ensureDatabase(options.embeddedDatabase);
    url = embeddedUrl(options.embeddedDatabase);
  }
  const applied = await applyMigrations(url);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
  await seed(url);
  return { url, cluster };
}
