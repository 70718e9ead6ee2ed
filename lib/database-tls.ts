// What TLS a postgresql:// URL gets from pg (pg-connection-string 2.x), and the startup warning for the
// Supabase URLs that cannot work. pg reads sslmode=prefer, require and verify-ca as verify-full: it checks
// the server's certificate against Node's public CAs. Supabase's chain ends in Supabase's own CA, so with
// such a URL every connection fails ("self-signed certificate in certificate chain"): the app's, the seed's,
// preflight's. `uselibpqcompat=true` gives sslmode libpq's meaning (require: encrypted, not verified).
// Read from the URL's text alone: no file is opened (pg reads sslrootcert when it connects).

/** none: plain TCP; unverified: TLS, any certificate; public-ca: verified against Node's CAs; own-ca: against sslrootcert. */
export type PgTls = "none" | "unverified" | "public-ca" | "own-ca";

export function pgTlsOf(databaseUrl: string): PgTls | null {
  let params: URLSearchParams;
  try {
    params = new URL(databaseUrl).searchParams;
  } catch {
    return null;
  }
  const mode = params.get("sslmode");
  const ownCa = Boolean(params.get("sslrootcert"));
  const ssl = params.get("ssl");
  // The same steps as pg-connection-string's parse(), in its order.
  let tls: PgTls | null = ssl === "true" || ssl === "1" ? "public-ca" : ssl === null || ssl === "0" ? "none" : null;
  if (params.get("sslcert") || params.get("sslkey") || ownCa || mode) tls = ownCa ? "own-ca" : "public-ca";
  if (params.get("sslnegotiation") === "direct" && ssl === null && tls === "none") tls = "public-ca";
  if (mode === "disable") return "none";
  if (params.get("uselibpqcompat") === "true") {
    if (mode === "prefer" || (mode === "require" && !ownCa)) return "unverified";
    if (mode === "verify-ca" && !ownCa) return null; // pg refuses it: verify-ca needs sslrootcert
  } else if (mode === "no-verify") {
    return "unverified";
  }
  return tls;
}

const SUPABASE_HOST = /(^|\.)supabase\.com?$/i;
const FIX = "make its TLS parameters uselibpqcompat=true&sslmode=require (README, \"Deploying to Vercel\")";

/** One line per variable holding a Supabase URL that pg cannot use as meant. */
export function supabaseTlsWarnings(urls: Record<string, string | undefined>): string[] {
  return Object.entries(urls).flatMap(([name, databaseUrl]) => {
    if (!databaseUrl || !SUPABASE_HOST.test(hostOf(databaseUrl))) return [];
    const tls = pgTlsOf(databaseUrl);
    if (tls === "public-ca") {
      return [`${name}: pg reads its sslmode as verify-full, and Supabase's certificate chain ends in Supabase's own CA: every query fails with "self-signed certificate in certificate chain". ${capitalized(FIX)}.`];
    }
    if (tls === "none") return [`${name}: no sslmode, so pg talks to Supabase unencrypted (or is refused where SSL is enforced): ${FIX}.`];
    return [];
  });
}

function hostOf(databaseUrl: string): string {
  try {
    return new URL(databaseUrl).hostname;
  } catch {
    return "";
  }
}

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);
