// The scripts' last word on a failure: one sentence with the cause and the fix for what a newcomer
// can hit (the embedded database, an unreachable DATABASE_URL); a stack trace only for real bugs.
import { EmbeddedPostgresError } from "./postgres-place";

const NETWORK_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN"]);

export function explainFailure(error: unknown, { stack = true } = {}): string {
  if (error instanceof EmbeddedPostgresError) return error.message;
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && NETWORK_CODES.has(code)) {
    return `Cannot reach the database (${code}): check DATABASE_URL, or unset it to use the embedded PostgreSQL.`;
  }
  if (code === "28P01" || code === "28000") {
    return "The database refused the user or password in DATABASE_URL: check them.";
  }
  if (code === "3D000") return `${message}: create it, or fix the database name in DATABASE_URL.`;
  if (!(error instanceof Error)) return String(error);
  return stack ? (error.stack ?? error.message) : error.message;
}
