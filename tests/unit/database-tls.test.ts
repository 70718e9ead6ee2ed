// The database URLs the README tells a deployer to paste, read by the very pg-connection-string pg
// loads here (resolved from pg's own folder), and by pg's own connection parameters: what TLS each gets.
// Then lib/database-tls.ts, which reads the same from the URL's text for the startup warning, checked
// against that parser, and the warning itself.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { pgTlsOf, supabaseTlsWarnings, type PgTls } from "@/lib/database-tls";
import { parseEnv } from "@/lib/env";

type Parsed = { ssl?: boolean | string | { rejectUnauthorized?: boolean; ca?: string; checkServerIdentity?: unknown }; host?: string; port?: string };
const pgMain = createRequire(import.meta.url).resolve("pg");
const fromPg = createRequire(pgMain);
const parse = fromPg("pg-connection-string") as (url: string) => Parsed;
/** The version in the package.json above a module's main file. */
function versionOf(main: string): string {
  for (let dir = path.dirname(main); ; dir = path.dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
    } catch {
      if (dir === path.dirname(dir)) throw new Error(`no package.json above ${main}`);
    }
  }
}

const folder = mkdtempSync(path.join(tmpdir(), "database-tls-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const caFile = path.join(folder, "supabase-ca.crt");
writeFileSync(caFile, "-----BEGIN CERTIFICATE-----\nnot a real one: pg reads the file, Node parses it when connecting\n-----END CERTIFICATE-----\n");

const SUPABASE_POOLER = "postgresql://postgres.abcdefghijklmnopqrst:pw@aws-0-ap-northeast-2.pooler.supabase.com:6543/postgres";
const NEON_POOLER = "postgresql://alex:pw@ep-cool-darkness-a1b2c3d4-pooler.ap-southeast-1.aws.neon.tech/neondb";
/** What the README says to paste (Deploying to Vercel). */
const README = {
  supabase: `${SUPABASE_POOLER}?pgbouncer=true&uselibpqcompat=true&sslmode=require`,
  supabaseVerified: `${SUPABASE_POOLER}?pgbouncer=true&sslmode=verify-full&sslrootcert=${caFile}`,
  neon: `${NEON_POOLER}?sslmode=verify-full&channel_binding=require`,
};

/** The ssl options pg's Client connects with (its ConnectionParameters, from the same parser). */
function clientSsl(connectionString: string): unknown {
  return (new pg.Client({ connectionString }) as unknown as { connectionParameters: { ssl: unknown } }).connectionParameters.ssl;
}

/** The TLS of pg's reading, in lib/database-tls.ts's words. */
function tlsOfParsed(parsed: Parsed): PgTls {
  const { ssl } = parsed;
  if (!ssl) return "none";
  if (ssl === true) return "public-ca";
  if (typeof ssl === "string") throw new Error(`ssl=${ssl}`);
  if (ssl.rejectUnauthorized === false) return "unverified";
  return ssl.ca ? "own-ca" : "public-ca";
}

describe(`the README's database URLs, as pg reads them (pg ${versionOf(pgMain)}, pg-connection-string ${versionOf(fromPg.resolve("pg-connection-string"))})`, () => {
  it("Supabase, pooled: TLS without verification (libpq's require), pgbouncer=true kept for lib/sql.ts", () => {
    const parsed = parse(README.supabase);
    expect(parsed).toMatchObject({ host: "aws-0-ap-northeast-2.pooler.supabase.com", port: "6543", ssl: { rejectUnauthorized: false } });
    expect(new URL(README.supabase).searchParams.get("pgbouncer")).toBe("true");
    expect(clientSsl(README.supabase)).toEqual({ rejectUnauthorized: false });
  });

  it("Supabase with its CA: verify-full against that CA, the host name checked", () => {
    const parsed = parse(README.supabaseVerified);
    expect(parsed.ssl).toEqual({ ca: expect.stringContaining("BEGIN CERTIFICATE") });
    const ssl = clientSsl(README.supabaseVerified) as Record<string, unknown>;
    expect(ssl.rejectUnauthorized).not.toBe(false);
    expect(ssl.checkServerIdentity).toBeUndefined();
  });

  it("Neon, pooled: verify-full against Node's public CAs (Neon's certificates are public)", () => {
    const ssl = clientSsl(README.neon) as Record<string, unknown>;
    expect(ssl).toEqual({});
    expect(parse(README.neon).ssl).toEqual({});
  });

  it("Supabase's own sslmode=require, the failing URL: pg verifies against Node's public CAs", () => {
    expect(clientSsl(`${SUPABASE_POOLER}?sslmode=require`)).toEqual({});
  });
});

describe("pgTlsOf agrees with pg-connection-string", () => {
  const queries = [
    "",
    "sslmode=disable",
    "sslmode=prefer",
    "sslmode=require",
    "sslmode=verify-ca",
    "sslmode=verify-full",
    "sslmode=no-verify",
    "ssl=true",
    "ssl=1",
    "ssl=0",
    "sslnegotiation=direct",
    "uselibpqcompat=true",
    "uselibpqcompat=true&sslmode=disable",
    "uselibpqcompat=true&sslmode=prefer",
    "uselibpqcompat=true&sslmode=require",
    "uselibpqcompat=true&sslmode=verify-full",
    `uselibpqcompat=true&sslmode=require&sslrootcert=${caFile}`,
    `uselibpqcompat=true&sslmode=prefer&sslrootcert=${caFile}`,
    `uselibpqcompat=true&sslmode=verify-ca&sslrootcert=${caFile}`,
    `sslmode=require&sslrootcert=${caFile}`,
    `sslmode=no-verify&sslrootcert=${caFile}`,
    `sslrootcert=${caFile}`,
    "ssl=true&sslmode=disable",
    "pgbouncer=true&uselibpqcompat=true&sslmode=require",
  ];
  it.each(queries)("?%s", (query) => {
    const url = `${SUPABASE_POOLER}?${query}`;
    expect(pgTlsOf(url)).toBe(tlsOfParsed(parse(url)));
  });

  it("verify-ca without sslrootcert under libpq rules: pg refuses it, and so does pgTlsOf", () => {
    const url = `${SUPABASE_POOLER}?uselibpqcompat=true&sslmode=verify-ca`;
    expect(() => parse(url)).toThrow(/sslrootcert/);
    expect(pgTlsOf(url)).toBeNull();
  });
});

describe("supabaseTlsWarnings", () => {
  it("the README's URLs and other providers' are not warned about", () => {
    expect(supabaseTlsWarnings({ DATABASE_URL: README.supabase, DIRECT_URL: README.supabaseVerified })).toEqual([]);
    expect(supabaseTlsWarnings({ DATABASE_URL: README.neon, DIRECT_URL: `${NEON_POOLER}?sslmode=require` })).toEqual([]);
    expect(supabaseTlsWarnings({ DATABASE_URL: undefined, DIRECT_URL: "not a url" })).toEqual([]);
  });

  it("sslmode=require on a Supabase host: one line per variable, naming the failure and the fix", () => {
    const lines = supabaseTlsWarnings({
      DATABASE_URL: `${SUPABASE_POOLER}?sslmode=require&supa=base-pooler.x`,
      DIRECT_URL: "postgresql://postgres:pw@db.abcdefghijklmnopqrst.supabase.co:5432/postgres?sslmode=verify-full",
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^DATABASE_URL: .*self-signed certificate in certificate chain.*uselibpqcompat=true&sslmode=require/);
    expect(lines[1]).toMatch(/^DIRECT_URL: /);
  });

  it("no sslmode on a Supabase host: pg would not encrypt", () => {
    expect(supabaseTlsWarnings({ DATABASE_URL: SUPABASE_POOLER })).toEqual([
      expect.stringMatching(/^DATABASE_URL: no sslmode, so pg talks to Supabase unencrypted.*uselibpqcompat=true&sslmode=require/),
    ]);
  });

  it("is among lib/env.ts's startup warnings", () => {
    const env = parseEnv({ NODE_ENV: "development", DATABASE_URL: `${SUPABASE_POOLER}?sslmode=require` });
    expect(env.warnings).toEqual([expect.stringMatching(/^DATABASE_URL: pg reads its sslmode as verify-full/)]);
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: README.supabase }).warnings).toEqual([]);
  });
});
