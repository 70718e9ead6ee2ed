// What every preflight check answers: one line, and for a failure a fix in plain words. A note (ℹ) is
// something a rehearsal may leave as it is (the sandbox, test_ keys, http on a loopback address).

export interface CheckResult {
  /** false: a problem that stops live payments (✗); the run exits non-zero */
  ok: boolean;
  /** what was found, in one line; never a secret */
  line: string;
  /** for a failure: what to do about it */
  fix?: string;
  /** ℹ rather than ✓: fine for now, to be looked at (always ok) */
  note?: boolean;
}

export const pass = (line: string): CheckResult => ({ ok: true, line });
export const fail = (line: string, fix: string): CheckResult => ({ ok: false, line, fix });
export const note = (line: string): CheckResult => ({ ok: true, line, note: true });

/** A Toss key as it may be printed: its prefix and last four characters (test_gsk_…abcd). */
export function maskKey(key: string): string {
  const prefix = /^(test|live)_(gck|gsk|ck|sk)_/.exec(key)?.[0] ?? "";
  return key.length <= prefix.length + 8 ? `${prefix}…` : `${prefix}…${key.slice(-4)}`;
}

/** Host and database of a connection string, never its user or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return "an unparsable DATABASE_URL";
  }
}

/** Why a request got no answer, in a few words (fetch hides the reason in `cause`). */
export function whyUnanswered(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const code = cause?.code ?? (error as { code?: string } | null)?.code;
  const reasons: Record<string, string> = {
    ENOTFOUND: "the host name does not resolve (ENOTFOUND)",
    EAI_AGAIN: "the host name could not be resolved (EAI_AGAIN)",
    ECONNREFUSED: "the connection was refused (ECONNREFUSED)",
    ECONNRESET: "the connection was reset (ECONNRESET)",
    ETIMEDOUT: "the connection timed out (ETIMEDOUT)",
    CERT_HAS_EXPIRED: "its TLS certificate has expired",
    DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed",
    ERR_TLS_CERT_ALTNAME_INVALID: "its TLS certificate is for another host name",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate cannot be verified",
  };
  if (code && reasons[code]) return reasons[code];
  // PostgreSQL's own errors (a wrong password, a missing database) say it best in their message.
  return cause?.message ?? (error instanceof Error && error.message ? error.message : (code ?? String(error)));
}
