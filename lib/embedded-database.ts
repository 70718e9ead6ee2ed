// Where a checkout's embedded PostgreSQL listens, computed from the checkout's path alone, so that two
// checkouts side by side each get a cluster of their own and every process of one checkout (the dev
// runner, `npm test`, a bare `next dev`) agrees on it without asking anyone. scripts/lib/embedded-postgres.ts
// starts the cluster; lib/env.ts uses the same port as its development default.

export const EMBEDDED_HOST = "127.0.0.1";
export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

/**
 * Ports 24330–25329: below every OS's ephemeral range (Linux 32768+, macOS and Windows 49152+, where
 * Hyper-V also reserves blocks), so an outgoing connection never holds a checkout's port.
 */
const FIRST_PORT = 24330;
const PORT_COUNT = 1000;

/** FNV-1a over the path's UTF-16 code units: tiny, stable across Node versions, no crypto import. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Windows paths compare case-insensitively; a trailing separator never changes the checkout. */
function normalise(checkoutPath: string, platform: NodeJS.Platform): string {
  const trimmed = checkoutPath.replace(/[\\/]+$/, "");
  return platform === "win32" ? trimmed.toLowerCase().replaceAll("\\", "/") : trimmed;
}

/** The port a checkout's cluster prefers (it moves to the next ones only when that one is taken). */
export function embeddedPortFor(checkoutPath: string, platform: NodeJS.Platform = process.platform): number {
  return FIRST_PORT + (fnv1a(normalise(checkoutPath, platform)) % PORT_COUNT);
}

/** A short stable id of a checkout, for names of folders kept outside it. */
export function checkoutId(checkoutPath: string, platform: NodeJS.Platform = process.platform): string {
  return fnv1a(normalise(checkoutPath, platform)).toString(16).padStart(8, "0");
}

export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@${EMBEDDED_HOST}:${port}/${database}`;
}
