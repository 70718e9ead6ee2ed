// Whether an error means the database cannot be reached right now (down, restarting, unreachable, out
// of connections), as opposed to a bug. Such failures are answered 503 with Retry-After and a calm
// Korean message, never 500: nothing was lost and the same request works once the database is back.
// Reads the error's shape only (no Prisma import), so lib/errors.ts can use it on any side.

/** Prisma's codes for "cannot reach / lost / timed out waiting for the database". */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The pg driver adapter's error kinds for the same. */
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);
/** Node's socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
/** PostgreSQL's SQLSTATEs of a server shutting down or refusing connections (class 57P, 53300, 08xxx). */
const SQLSTATE_UNAVAILABLE = /^(57P0[1-3]|53300|08\d{3})$/;
/** pg's own messages when a connection dies or a connect times out. */
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;
/** Prisma's P2028 when every connection is busy: no transaction could begin in time (a pool saturated). */
const NO_TRANSACTION_IN_TIME = /Unable to start a transaction in the given time/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } }; cause?: unknown };
  if (typeof e.code === "string" && (PRISMA_UNAVAILABLE.has(e.code) || SOCKET_CODES.has(e.code) || SQLSTATE_UNAVAILABLE.test(e.code))) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (typeof adapterCause?.kind === "string" && ADAPTER_UNAVAILABLE.has(adapterCause.kind)) return true;
  if (typeof adapterCause?.originalCode === "string" && SQLSTATE_UNAVAILABLE.test(adapterCause.originalCode)) return true;
  if (typeof e.message === "string" && PG_MESSAGES.test(e.message)) return true;
  if (e.code === "P2028" && typeof e.message === "string" && NO_TRANSACTION_IN_TIME.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** Seconds a client should wait before trying again. */
export const DATABASE_RETRY_AFTER_S = 30;
export const DATABASE_UNAVAILABLE_MESSAGE = "지금은 요청을 처리할 수 없어요. 잠시 후 다시 시도해 주세요.";
