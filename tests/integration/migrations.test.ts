// schema.prisma and prisma/migrations must agree; the test database was built from the migrations.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CATALOG } from "@/lib/catalog/products";
import { diffMigrationsToSchema, isEmptyDiff, listMigrations, SCHEMA_PATH } from "../../scripts/lib/schema-engine";

const url = process.env.DATABASE_URL!;

describe("migrations", () => {
  it("match schema.prisma (run `npm run db:migrate:create -- <name>` when this fails)", async () => {
    const sql = await diffMigrationsToSchema(url);
    expect(isEmptyDiff(sql), `missing migration:\n${sql}`).toBe(true);
  });

  it("detect a schema change that has no migration", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const changed = schema.replace(/model Product \{/, "model Product {\n  color String?");
    expect(await diffMigrationsToSchema(url, changed)).toMatch(/ALTER TABLE "Product" ADD COLUMN\s+"color" TEXT/);
  });

  it("are recorded in _prisma_migrations as prisma migrate deploy records them", async () => {
    const { migrationDirectories } = await listMigrations();
    const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      select migration_name, finished_at from _prisma_migrations order by migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationDirectories.map((d) => d.path));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("leave the catalog seeded with integer-won prices", async () => {
    const products = await db.product.findMany({ orderBy: { sortOrder: "asc" } });
    expect(products.map(({ code, name, credits, price }) => ({ code, name, credits, price }))).toEqual(
      CATALOG.map(({ code, name, credits, price }) => ({ code, name, credits, price })),
    );
    expect(products.find((p) => p.code === "PRO_PACK")).toMatchObject({ credits: 3, price: 3000 });
    expect(products.find((p) => p.code === "PREMIUM_PACK")).toMatchObject({ credits: 5, price: 5000 });
  });
});
