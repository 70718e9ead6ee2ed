// Migrations after the baseline are expand-only (scripts/lib/expand-only.ts; README, "Database and
// migrations"): the build migrates while the previous deployment still serves traffic, so nothing it
// reads or writes may be dropped, renamed, retyped or made required. A deliberate contract step
// carries `-- contract: <why>`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contractStatements, EXPAND_ONLY_BASELINE } from "../../scripts/lib/expand-only";
import { MIGRATIONS_DIR } from "../../scripts/lib/schema-engine";

const migrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("prisma/migrations", () => {
  it("still has the baseline (renaming or removing it would let older migrations escape or pass unchecked)", () => {
    expect(migrations).toContain(EXPAND_ONLY_BASELINE);
  });

  const checked = migrations.filter((name) => name > EXPAND_ONLY_BASELINE);
  it.each(checked.length ? checked : ["(none after the baseline yet)"])("%s is expand-only", (name) => {
    if (!checked.includes(name)) return;
    const findings = contractStatements(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
    const report = findings.map((f) => `  ${f.why}:\n    ${f.statement}`).join("\n");
    expect(
      findings,
      `${name} is not expand-only: the deployment serving traffic while it runs would break.\n${report}\n` +
        "Split it: add now, remove in a later migration once no deployment uses the old shape, and mark that one `-- contract: <why>`.",
    ).toEqual([]);
  });
});

describe("contractStatements", () => {
  it.each([
    ["a new table", 'CREATE TABLE "Coupon" ("id" TEXT NOT NULL, "code" TEXT NOT NULL, CONSTRAINT "Coupon_pkey" PRIMARY KEY ("id"));'],
    ["a nullable column", 'ALTER TABLE "Order" ADD COLUMN "couponId" TEXT;'],
    ["a required column with a default", `ALTER TABLE "Order" ADD COLUMN "channel" TEXT NOT NULL DEFAULT 'web';`],
    ["two columns, the required one with a default", `ALTER TABLE "Order" ADD COLUMN "a" TEXT, ADD COLUMN "b" INTEGER NOT NULL DEFAULT 0;`],
    ["an index", 'CREATE INDEX "Order_couponId_idx" ON "Order"("couponId");'],
    ["a foreign key", 'ALTER TABLE "Order" ADD CONSTRAINT "Order_couponId_fkey" FOREIGN KEY ("couponId") REFERENCES "Coupon"("id") ON DELETE SET NULL ON UPDATE CASCADE;'],
    ["a relaxed column", 'ALTER TABLE "Order" ALTER COLUMN "method" DROP NOT NULL;'],
    ["SET NOT NULL with a default set in the migration", `ALTER TABLE "Order" ALTER COLUMN "channel" SET DEFAULT 'web';\nUPDATE "Order" SET "channel" = 'web' WHERE "channel" IS NULL;\nALTER TABLE "Order" ALTER COLUMN "channel" SET NOT NULL;`],
    ["the words in comments and strings", `-- DROP TABLE "Order" would break the old code\nUPDATE "Product" SET "name" = 'DROP; RENAME' WHERE "code" = 'X';`],
    ["a contract step that says why", '-- contract: nothing reads "Order"."legacy" since the release of #42\nALTER TABLE "Order" DROP COLUMN "legacy";'],
  ])("lets pass: %s", (_, sql) => {
    expect(contractStatements(sql)).toEqual([]);
  });

  it.each([
    ["a dropped column", 'ALTER TABLE "Order" DROP COLUMN "method";', /drops something/],
    ["a dropped table", 'DROP TABLE "Coupon";', /drops something/],
    ["a dropped index", 'DROP INDEX "CreditLedger_orderId_kind_key";', /drops something/],
    ["a dropped default", 'ALTER TABLE "Product" ALTER COLUMN "active" DROP DEFAULT;', /drops something/],
    ["a renamed column", 'ALTER TABLE "Order" RENAME COLUMN "method" TO "paymentMethod";', /renames/],
    ["a renamed table", 'ALTER TABLE "Order" RENAME TO "Purchase";', /renames/],
    ["a retyped column (Prisma's spelling)", 'ALTER TABLE "Order" ALTER COLUMN "amount" SET DATA TYPE BIGINT;', /changes a column's type/],
    ["a retyped column", 'ALTER TABLE "Order" ALTER COLUMN amount TYPE BIGINT USING amount::bigint;', /changes a column's type/],
    ["SET NOT NULL without a default", 'ALTER TABLE "Order" ALTER COLUMN "method" SET NOT NULL;', /makes "method" NOT NULL without a default/],
    ["a required column without a default", 'ALTER TABLE "Order" ADD COLUMN "channel" TEXT NOT NULL;', /adds "channel" NOT NULL without a default/],
    ["the second of two columns", `ALTER TABLE "Order" ADD COLUMN "a" TEXT DEFAULT 'x', ADD COLUMN "b" TEXT NOT NULL;`, /adds "b" NOT NULL/],
    ["a marker without a reason", '-- contract:\nALTER TABLE "Order" DROP COLUMN "legacy";', /drops something/],
  ])("names: %s", (_, sql, why) => {
    const findings = contractStatements(sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.why).toMatch(why);
  });

  it("names each offending statement of a migration, as written", () => {
    const sql = 'ALTER TABLE "Order" ADD COLUMN "x" TEXT;\n\n-- the old one\nALTER TABLE "Order"\n  DROP COLUMN "y";\nDROP INDEX "z";\n';
    expect(contractStatements(sql).map((f) => f.statement)).toEqual(['ALTER TABLE "Order" DROP COLUMN "y"', 'DROP INDEX "z"']);
  });
});
