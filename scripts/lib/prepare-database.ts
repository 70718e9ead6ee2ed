// Brings a database up to date: starts this checkout's embedded PostgreSQL when DATABASE_URL is unset,
// creates the database, applies migrations and seeds the catalog. Shared by `npm run dev`, `npm test`
// and `npm run db:*`.
import { seed } from "../../prisma/seed";
import { ensureDatabase, recreateDatabase, startEmbeddedPostgres, type RunningCluster } from "./embedded-postgres";
import { applyMigrations } from "./schema-engine";

export interface PreparedDatabase {
  url: string;
  cluster: RunningCluster | null;
  /** One line for the startup output: which cluster and database are used. */
  description: string;
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
  let description = `the database from DATABASE_URL (${hostOf(url)})`;
  if (!url) {
    cluster = await startEmbeddedPostgres(log);
    if (options.fresh) await recreateDatabase(cluster, options.embeddedDatabase);
    else await ensureDatabase(cluster, options.embeddedDatabase);
    url = cluster.url(options.embeddedDatabase);
    description = `the ${cluster.describe(options.embeddedDatabase)}`;
  }
  try {
    const applied = await applyMigrations(url);
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    await seed(url);
  } catch (error) {
    await cluster?.stop().catch(() => {});
    throw error;
  }
  return { url, cluster, description };
}

/** Host and database of a connection string, never its password. */
function hostOf(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? "");
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return "unparsable URL";
  }
}
