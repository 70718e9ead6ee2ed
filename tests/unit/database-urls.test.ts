// What a connection string says about itself (lib/database-urls.ts): which one migrations use, whether
// it goes through a transaction pooler, and whether two of them can be one database.
import { describe, expect, it } from "vitest";
import { describeDatabaseUrl, differentDatabases, migrationTarget, transactionPoolerOf } from "@/lib/database-urls";
import { parseEnv } from "@/lib/env";

describe("migrationTarget", () => {
  it.each([
    [{ DATABASE_URL: "postgresql://a", DIRECT_URL: "postgresql://d", DATABASE_URL_UNPOOLED: "postgresql://u" }, { variable: "DIRECT_URL", url: "postgresql://d" }],
    [{ DATABASE_URL: "postgresql://a", DATABASE_URL_UNPOOLED: "postgresql://u" }, { variable: "DATABASE_URL_UNPOOLED", url: "postgresql://u" }],
    [{ DATABASE_URL: "postgresql://a", DIRECT_URL: " " }, { variable: "DATABASE_URL", url: "postgresql://a" }],
    [{}, null],
  ])("%j → %j", (source, target) => {
    expect(migrationTarget(source)).toEqual(target);
  });

  it("is what lib/env.ts migrates through", () => {
    const env = parseEnv({ NODE_ENV: "development", DATABASE_URL: "postgresql://a@h/db", DATABASE_URL_UNPOOLED: "postgresql://u@h/db" });
    expect(env).toMatchObject({ databaseUrl: "postgresql://a@h/db", migrationUrl: "postgresql://u@h/db", migrationUrlVariable: "DATABASE_URL_UNPOOLED" });
  });
});

describe("transactionPoolerOf", () => {
  it.each([
    // Neon (https://neon.com/docs/connect/connection-pooling): the pooled host has -pooler in its first label.
    ["postgresql://u:p@ep-cool-darkness-a1b2c3d4-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require", /Neon's pooled endpoint/],
    ["postgresql://u:p@ep-cool-darkness-a1b2c3d4.us-east-2.aws.neon.tech/neondb?sslmode=require", null],
    // Supabase (https://supabase.com/docs/guides/database/connecting-to-postgres): 6543 transaction, 5432 session.
    ["postgresql://postgres.ref:p@aws-0-ap-northeast-2.pooler.supabase.com:6543/postgres", /port 6543 is Supabase's transaction pooler/],
    ["postgresql://postgres.ref:p@aws-0-ap-northeast-2.pooler.supabase.com:5432/postgres", null],
    ["postgresql://postgres:p@db.ref.supabase.co:5432/postgres", null],
    ["postgresql://u:p@10.0.0.5:6432/app?pgbouncer=true", /pgbouncer=true marks a PgBouncer in transaction mode/],
    ["postgresql://u:p@127.0.0.1:5432/app", null],
    ["not a url", null],
  ])("%s", (url, why) => {
    if (why === null) expect(transactionPoolerOf(url)).toBeNull();
    else expect(transactionPoolerOf(url)).toMatch(why);
  });
});

describe("differentDatabases", () => {
  const app = (url: string) => ({ name: "DATABASE_URL", url });
  const direct = (url: string) => ({ name: "DIRECT_URL", url });
  it.each([
    ["Neon's pooled and direct hosts of one endpoint", "postgresql://u:p@ep-a1-pooler.x.aws.neon.tech/neondb", "postgresql://u:p@ep-a1.x.aws.neon.tech/neondb", null],
    ["two Neon endpoints", "postgresql://u:p@ep-a1-pooler.x.aws.neon.tech/neondb", "postgresql://u:p@ep-b2.x.aws.neon.tech/neondb", /different Neon endpoints.*DATABASE_URL: ep-a1, DIRECT_URL: ep-b2/],
    ["Supabase's transaction and session poolers", "postgresql://postgres.abc:p@aws-0-r.pooler.supabase.com:6543/postgres", "postgresql://postgres.abc:p@aws-0-r.pooler.supabase.com:5432/postgres", null],
    ["Supabase's pooler and its direct host", "postgresql://postgres.abc:p@aws-0-r.pooler.supabase.com:6543/postgres", "postgresql://postgres:p@db.abc.supabase.co:5432/postgres", null],
    ["two Supabase projects", "postgresql://postgres.abc:p@aws-0-r.pooler.supabase.com:6543/postgres", "postgresql://postgres:p@db.xyz.supabase.co:5432/postgres", /different Supabase projects \(DATABASE_URL: abc, DIRECT_URL: xyz\)/],
    ["two database names", "postgresql://u:p@h1/app", "postgresql://u:p@h2/other", /different databases \(DATABASE_URL: app, DIRECT_URL: other\)/],
    ["other hosts, one name: cannot tell", "postgresql://u:p@pgbouncer.internal:6432/app", "postgresql://u:p@db.internal:5432/app", null],
  ])("%s", (_, a, b, why) => {
    if (why === null) expect(differentDatabases(app(a), direct(b))).toBeNull();
    else expect(differentDatabases(app(a), direct(b))).toMatch(why);
  });
});

it("describeDatabaseUrl shows host and database, never the user or password", () => {
  expect(describeDatabaseUrl("postgresql://neondb_owner:s3cret@ep-a1.x.aws.neon.tech:5432/neondb?sslmode=require")).toBe("ep-a1.x.aws.neon.tech:5432/neondb");
  expect(describeDatabaseUrl("::")).toBe("unparsable URL");
});
