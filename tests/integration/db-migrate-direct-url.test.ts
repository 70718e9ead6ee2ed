// `npm run db:migrate` migrates and seeds through DIRECT_URL when it is set, never the (pooled)
// DATABASE_URL: here DATABASE_URL points at a port that counts who connects, and DIRECT_URL at an empty
// database of this file's own, which ends up with every migration applied and the catalog seeded.
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CATALOG } from "@/lib/catalog/products";
import { listMigrations } from "../../scripts/lib/schema-engine";
import { newcomerEnv, REPO_ROOT, runNpm } from "../helpers/checkout-copy";
import { watchedPort, type WatchedPort } from "../helpers/watched-port";

const DATABASE = "credit_checkout_test_direct_url";

async function onServer<T>(sql: string, database = "postgres"): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query<T & pg.QueryResultRow>(sql);
  } finally {
    await client.end();
  }
}

describe("npm run db:migrate with DIRECT_URL beside a pooled DATABASE_URL", () => {
  let directUrl: string;
  let pooler: WatchedPort;

  beforeAll(async () => {
    await onServer(`drop database if exists "${DATABASE}" with (force)`);
    await onServer(`create database "${DATABASE}"`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${DATABASE}`;
    directUrl = url.toString();
  });
  afterAll(() => onServer(`drop database if exists "${DATABASE}" with (force)`));
  beforeEach(async () => {
    pooler = await watchedPort();
  });
  afterEach(() => pooler.close());

  it("migrates and seeds the database DIRECT_URL names, and never connects to DATABASE_URL", async () => {
    const pooledUrl = `postgresql://app:pw@127.0.0.1:${pooler.port}/${DATABASE}?pgbouncer=true`;
    const run = runNpm(REPO_ROOT, ["run", "db:migrate"], newcomerEnv({ DATABASE_URL: pooledUrl, DIRECT_URL: directUrl }));
    expect(await run.exited, run.output()).toBe(0);

    const direct = new URL(directUrl);
    expect(run.output()).toContain(
      `Database: the database from DATABASE_URL (127.0.0.1:${pooler.port}/${DATABASE}), migrated through DIRECT_URL (${direct.host}/${DATABASE}).`,
    );
    expect(pooler.connections()).toBe(0);

    const { migrationDirectories } = await listMigrations();
    const applied = await onServer<{ migration_name: string }>(
      `select migration_name from "_prisma_migrations" where finished_at is not null and rolled_back_at is null order by migration_name`,
      DATABASE,
    );
    expect(applied.rows.map((row) => row.migration_name)).toEqual(migrationDirectories.map((d) => d.path));
    const products = await onServer<{ code: string; price: number }>(`select code, price from "Product" order by "sortOrder"`, DATABASE);
    expect(products.rows).toEqual(CATALOG.map(({ code, price }) => ({ code, price })));
  }, 120_000);
});
