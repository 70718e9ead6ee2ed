// The production database: every migration of prisma/migrations recorded as applied in _prisma_migrations
// (where `prisma migrate deploy` and scripts/lib/schema-engine.ts record them), and the catalog seeded,
// as the app's pool connects (pg with the connection string). Read-only: two SELECTs.
import pg from "pg";
import { CATALOG } from "../../../lib/catalog/products";
import type { Env } from "../../../lib/env";
import { listMigrations } from "../schema-engine";
import { describeDatabase, fail, note, pass, whyUnanswered, type CheckResult } from "./result";

const CONNECT_TIMEOUT_MS = 10_000;
const UNDEFINED_TABLE = "42P01";
const MIGRATE = "Vercel's build applies them and seeds the catalog (`npm run vercel-build`): redeploy. Or, from a trusted machine: DIRECT_URL=<the production database's direct URL> npm run db:migrate";

interface MigrationRow {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

interface ProductRow {
  code: string;
  credits: number;
  price: number;
  active: boolean;
}

const won = (amount: number) => `₩${amount.toLocaleString("ko-KR")}`;

export function migrationsResult(folders: string[], rows: MigrationRow[] | null): CheckResult[] {
  if (rows === null) return [fail("Migrations: none applied (the database has no _prisma_migrations table)", MIGRATE)];
  const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null && !applied.has(r.migration_name)).map((r) => r.migration_name);
  const pending = folders.filter((name) => !applied.has(name) && !failed.includes(name));
  const results: CheckResult[] = [];
  if (failed.length) {
    results.push(
      fail(
        `Migrations: ${failed.join(", ")} failed halfway, and no later migration will run`,
        "Read the row's logs in _prisma_migrations, repair the database by hand, then mark it with `prisma migrate resolve --applied <name>` (or --rolled-back) and deploy again.",
      ),
    );
  }
  if (pending.length) results.push(fail(`Migrations: ${pending.length} of ${folders.length} not applied: ${pending.join(", ")}`, MIGRATE));
  const unknown = [...applied].filter((name) => !folders.includes(name));
  if (unknown.length) results.push(note(`Migrations: the database has ${unknown.join(", ")}, which this checkout lacks: run preflight from the deployed commit`));
  if (!failed.length && !pending.length) results.unshift(pass(`Migrations: all ${folders.length} of prisma/migrations applied`));
  return results;
}

export function catalogResult(rows: ProductRow[] | null): CheckResult[] {
  if (rows === null) return [fail("Catalog: the database has no Product table", MIGRATE)];
  const wrong: string[] = [];
  for (const product of CATALOG) {
    const row = rows.find((r) => r.code === product.code);
    if (!row) wrong.push(`${product.code} missing`);
    else if (!row.active) wrong.push(`${product.code} inactive`);
    else if (row.price !== product.price || row.credits !== product.credits) {
      wrong.push(`${product.code} is ${won(row.price)} for ${row.credits}, the catalog says ${won(product.price)} for ${product.credits}`);
    }
  }
  const listed = CATALOG.map((p) => `${p.code} ${won(p.price)} (${p.credits} credits)`).join(", ");
  const results: CheckResult[] = wrong.length
    ? [fail(`Catalog: ${wrong.join("; ")}`, "Seed the catalog (lib/catalog/products.ts): the build does it on every deploy; or DATABASE_URL=<production URL> npm run db:seed")]
    : [pass(`Catalog: ${listed}, active`)];
  const extra = rows.filter((r) => r.active && !CATALOG.some((p) => p.code === r.code));
  if (extra.length) {
    const free = extra.filter((r) => r.price <= 0);
    results.push(
      free.length
        ? fail(`Catalog: active products that cost ${won(0)}: ${free.map((r) => r.code).join(", ")}`, "Toss's review refuses ₩0 and test products: set them inactive (active = false).")
        : note(`Catalog: active products beyond lib/catalog/products.ts: ${extra.map((r) => `${r.code} ${won(r.price)}`).join(", ")}`),
    );
  }
  return results;
}

async function selectOrNull<T>(client: pg.Client, sql: string): Promise<T[] | null> {
  try {
    return (await client.query(sql)).rows as T[];
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return null;
    throw error;
  }
}

export async function checkDatabase(env: Env): Promise<CheckResult[]> {
  const where = describeDatabase(env.databaseUrl);
  const client = new pg.Client({ connectionString: env.databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    return [fail(`Database ${where}: cannot connect: ${whyUnanswered(error, CONNECT_TIMEOUT_MS)}`, "Check DATABASE_URL (host, user, password, ?sslmode=require) and that the database lets this machine in.")];
  }
  try {
    const [migrations, products] = [
      await selectOrNull<MigrationRow>(client, 'select migration_name, finished_at, rolled_back_at from "_prisma_migrations"'),
      await selectOrNull<ProductRow>(client, 'select code, credits, price, active from "Product"'),
    ];
    const folders = (await listMigrations()).migrationDirectories.map((d) => d.path);
    return [...migrationsResult(folders, migrations), ...catalogResult(products)];
  } catch (error) {
    return [fail(`Database ${where}: ${whyUnanswered(error, CONNECT_TIMEOUT_MS)}`, "Check that DATABASE_URL's user may read the app's tables.")];
  } finally {
    await client.end().catch(() => {});
  }
}
