// Which connection string schema migrations use, and what a connection string says about itself: a
// transaction pooler (which cannot migrate), the database it names. Pure, and no reader of process.env:
// lib/env.ts, scripts/db.ts and the Vercel build (scripts/vercel-build.ts) share it.

/**
 * Where migrations run, the first one set: DIRECT_URL (a direct or session-mode connection, set by you),
 * DATABASE_URL_UNPOOLED (Neon's Vercel integration sets it beside its pooled DATABASE_URL, on every
 * preview branch too), DATABASE_URL. Prisma's schema engine takes a session-level advisory lock and
 * needs a session of its own: Neon's and Supabase's transaction poolers give neither.
 */
export const MIGRATION_URL_VARIABLES = ["DIRECT_URL", "DATABASE_URL_UNPOOLED", "DATABASE_URL"] as const;
export type MigrationUrlVariable = (typeof MIGRATION_URL_VARIABLES)[number];

export function migrationTarget(source: Readonly<Record<string, unknown>>): { variable: MigrationUrlVariable; url: string } | null {
  for (const variable of MIGRATION_URL_VARIABLES) {
    const value = source[variable];
    const url = typeof value === "string" ? value.trim() : "";
    if (url) return { variable, url };
  }
  return null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Host, port and database of a connection string, never its user or password ("unparsable URL" if so). */
export function describeDatabaseUrl(url: string): string {
  const parsed = parse(url);
  return parsed ? `${parsed.host}${parsed.pathname}` : "unparsable URL";
}

/**
 * Why a connection string goes through a transaction pooler (where migrations fail: `prepared statement
 * "s0" already exists`, an advisory lock that never comes), or null: Neon's pooled host (`-pooler` in its
 * first label), Supabase's transaction pooler (port 6543), or a URL marked `pgbouncer=true`.
 */
export function transactionPoolerOf(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.hostname.split(".")[0]!.endsWith("-pooler")) return `the host ${parsed.hostname} is Neon's pooled endpoint`;
  if (parsed.port === "6543") return "port 6543 is Supabase's transaction pooler";
  if (parsed.searchParams.get("pgbouncer") === "true") return "pgbouncer=true marks a PgBouncer in transaction mode";
  return null;
}

/**
 * What identifies the database behind a connection string, as far as the string tells: Neon's endpoint
 * (ep-…, the same for its pooled and direct hosts), Supabase's project ref (db.<ref>.supabase.co, or the
 * pooler's user postgres.<ref>), and the database name.
 */
function identityOf(url: string): { provider: "neon" | "supabase" | null; id: string | null; database: string } | null {
  const parsed = parse(url);
  if (!parsed) return null;
  const database = decodeURIComponent(parsed.pathname.slice(1)) || "postgres";
  const host = parsed.hostname.toLowerCase();
  if (host.endsWith(".neon.tech")) return { provider: "neon", id: host.split(".")[0]!.replace(/-pooler$/, ""), database };
  if (host.endsWith(".supabase.co") || host.endsWith(".supabase.com")) {
    const ref = /^db\.([a-z0-9]+)\.supabase\.co$/.exec(host)?.[1] ?? /^postgres\.([a-z0-9]+)$/.exec(decodeURIComponent(parsed.username))?.[1] ?? null;
    return { provider: "supabase", id: ref, database };
  }
  return { provider: null, id: null, database };
}

/**
 * Why two connection strings cannot be one database (different database names, Neon endpoints or
 * Supabase projects), or null when they may be. A migration URL that names another database than the
 * app's would migrate the wrong one: a production DIRECT_URL copied into the Preview scope, where
 * Neon's integration gives each preview a branch of its own.
 */
export function differentDatabases(a: { name: string; url: string }, b: { name: string; url: string }): string | null {
  const first = identityOf(a.url);
  const second = identityOf(b.url);
  if (!first || !second) return null;
  const each = (x: string, y: string) => `${a.name}: ${x}, ${b.name}: ${y}`;
  if (first.database !== second.database) return `different databases (${each(first.database, second.database)})`;
  if (first.provider && first.provider === second.provider && first.id && second.id && first.id !== second.id) {
    return first.provider === "neon"
      ? `different Neon endpoints, so another branch or project (${each(first.id, second.id)})`
      : `different Supabase projects (${each(first.id, second.id)})`;
  }
  return null;
}
