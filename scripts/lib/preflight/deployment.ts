// Where Vercel deployments go wrong the first time (issue #24): migrations sent through a transaction
// pooler (Prisma's schema engine cannot migrate through one: DIRECT_URL), and a preview whose sandbox
// Deployment Protection shuts out (the automation bypass secret). Test keys in a Vercel production
// deployment are refused by lib/env.ts itself: the environment check names them.
import pg from "pg";
import { supabaseTlsWarnings } from "../../../lib/database-tls";
import { transactionPoolerOf } from "../../../lib/database-urls";
import type { Env } from "../../../lib/env";
import { describeDatabase, fail, pass, whyUnanswered, type CheckResult } from "./result";

const CONNECT_TIMEOUT_MS = 10_000;

/** Whether a connection string names a transaction pooler (lib/database-urls.ts says which and why). */
export const isTransactionPooler = (url: string): boolean => transactionPoolerOf(url) !== null;

const DIRECT_URL_FIX =
  "Set DIRECT_URL to a direct connection (Neon: the host without -pooler; Supabase: the session pooler on port 5432 or db.<project>.supabase.co), Production scope, then redeploy: Vercel's build migrates through it.";

/** Migrations need a direct (or session-mode) connection when DATABASE_URL is a transaction pooler. */
export function migrationConnectionResult(env: Env, source: Record<string, string | undefined>): CheckResult | null {
  const pooled = isTransactionPooler(env.databaseUrl);
  // DATABASE_URL_UNPOOLED is what Neon's Vercel integration sets beside a pooled DATABASE_URL.
  if (!source.DIRECT_URL?.trim() && !source.DATABASE_URL_UNPOOLED?.trim()) {
    return pooled
      ? fail(`DIRECT_URL: unset, and DATABASE_URL (${describeDatabase(env.databaseUrl)}) is a transaction pooler: migrations cannot run through it`, DIRECT_URL_FIX)
      : null;
  }
  const variable = source.DIRECT_URL?.trim() ? "DIRECT_URL" : "DATABASE_URL_UNPOOLED";
  const why = transactionPoolerOf(env.migrationUrl);
  if (why) return fail(`${variable} (${describeDatabase(env.migrationUrl)}) is a transaction pooler too: ${why}`, DIRECT_URL_FIX);
  return pass(`${variable}: migrations go to ${describeDatabase(env.migrationUrl)}${pooled ? ", the app through the pooler" : ""}`);
}

/** DIRECT_URL answers (one SELECT 1), when it is set and not already failed. */
export async function checkMigrationConnection(env: Env, source: Record<string, string | undefined>): Promise<CheckResult | null> {
  const shape = migrationConnectionResult(env, source);
  if (!shape || !shape.ok) return shape;
  const client = new pg.Client({ connectionString: env.migrationUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return shape;
  } catch (error) {
    return fail(`DIRECT_URL (${describeDatabase(env.migrationUrl)}) does not answer: ${whyUnanswered(error, CONNECT_TIMEOUT_MS)}`, DIRECT_URL_FIX);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A preview in sandbox mode needs the automation bypass secret under Deployment Protection. */
export function checkPreviewBypass(env: Env): CheckResult | null {
  if (env.vercelEnv !== "preview" || env.toss.mode !== "sandbox") return null;
  if (env.vercelBypassSecret) return pass("Preview: the sandbox's calls to this deployment carry the automation bypass secret");
  return fail(
    "Preview: VERCEL_AUTOMATION_BYPASS_SECRET is unset: under Deployment Protection (on by default for previews) the sandbox's calls and webhooks to this deployment get 401",
    "Vercel → Settings → Deployment Protection → Protection Bypass for Automation → create one (Vercel sets the variable itself), then redeploy.",
  );
}



/** A Supabase URL pg cannot use as meant (lib/database-tls.ts): a ✗ here, where the app only warns at start. */
export function checkDatabaseTls(source: Record<string, string | undefined>): CheckResult[] {
  const urls = { DATABASE_URL: source.DATABASE_URL, DIRECT_URL: source.DIRECT_URL, DATABASE_URL_UNPOOLED: source.DATABASE_URL_UNPOOLED };
  return supabaseTlsWarnings(urls).map((warning) =>
    fail(`TLS: ${warning.slice(0, warning.indexOf(": ") + 2)}${warning.includes("verify-full") ? "pg would check Supabase's certificate against public CAs and fail" : "pg would talk to Supabase unencrypted"}`, `Make its TLS parameters uselibpqcompat=true&sslmode=require (README, "The database URL to paste"), then redeploy.`),
  );
}
