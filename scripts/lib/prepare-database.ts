// Brings a database up to date: starts this checkout's embedded PostgreSQL when DATABASE_URL is unset,
// creates the database, applies migrations and seeds the catalog. Shared by `npm run dev`, `npm test`
// and `npm run db:*`.
import { describeDatabaseUrl, type MigrationUrlVariable } from "../../lib/database-urls";
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
  /**
   * Where migrations and the seed run when it is not configuredUrl: DIRECT_URL or DATABASE_URL_UNPOOLED
   * beside a pooled DATABASE_URL (lib/database-urls.ts). Ignored on the embedded cluster.
   */
  migration?: { variable: MigrationUrlVariable; url: string } | null;
  /** database name on the embedded cluster */
  embeddedDatabase: string;
  /** drop and recreate the embedded database first (tests) */
  fresh?: boolean;
  log?: (line: string) => void;
}): Promise<PreparedDatabase> {
  const log = options.log ?? console.log;
  let cluster: RunningCluster | null = null;
  let url: string;
  let migrationUrl: string;
  let description: string;
  if (options.configuredUrl) {
    url = migrationUrl = options.configuredUrl;
    description = `the database from DATABASE_URL (${describeDatabaseUrl(url)})`;
    if (options.migration && options.migration.url !== url) {
      migrationUrl = options.migration.url;
      description += `, migrated through ${options.migration.variable} (${describeDatabaseUrl(migrationUrl)})`;
    }
  } else {
    cluster = await startEmbeddedPostgres(log);
    if (options.fresh) await recreateDatabase(cluster, options.embeddedDatabase);
    else await ensureDatabase(cluster, options.embeddedDatabase);
    url = migrationUrl = cluster.url(options.embeddedDatabase);
    description = `the ${cluster.describe(options.embeddedDatabase)}`;
  }
  try {
    const applied = await applyMigrations(migrationUrl);
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    await seed(migrationUrl);
  } catch (error) {
    await cluster?.stop().catch(() => {});
    throw error;
  }
  return { url, cluster, description };
}
