import "server-only";
import { pool } from "@/lib/pool";

/**
 * Longest a page waits to learn whether the database answers before it is told to try again: long
 * enough that a busy pool (every connection in use for a moment) is not taken for an outage.
 */
const PING_TIMEOUT_MS = 5_000;

/**
 * Whether the database answers a trivial query now. proxy.ts asks before rendering a page (a
 * document request), because a page that fails while rendering can only be a 500: this way the
 * buyer gets a 503 with Retry-After and a Korean "try again" page instead. One round trip on a pooled
 * connection, on the pool alone (not through Prisma's client, which a cold instance need not load for
 * it); API routes do not ask (their own queries fail into a 503, lib/errors.ts).
 */
export async function databaseAnswers(timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([pool.query("SELECT 1").then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
