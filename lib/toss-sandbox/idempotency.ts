// Idempotency-Key as Toss implements it (TOSS.md "Idempotency-Key"): matched on key + secret key +
// URL + method, the body is not part of the match; a repeat gets the first answer unchanged; a repeat
// while the first is still running gets 409 IDEMPOTENT_REQUEST_PROCESSING; keys live 15 days.
// The record is inserted IN_FLIGHT before the work starts: the unique index decides who is first,
// across instances, without any in-memory state.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { TossSandboxError } from "./errors";
import { errorResult, type ApiResult } from "./http";
import { sqlTimestamp } from "@/lib/sql-time";

export const IDEMPOTENCY_KEY_MAX_LENGTH = 300;
const KEEP_MS = 15 * 24 * 60 * 60 * 1000;
/**
 * A claim's deadline: an IN_FLIGHT record older than this belongs to a request that died between its
 * claim and its answer (our sandbox runs inside the app, and dies with it; Toss's servers do not), and
 * the next request with the key takes it over and runs the work. It is the Toss client's timeout (10 s,
 * lib/toss/client.ts) plus a margin: by then the caller has given up on that request and retries with
 * the same key. Nothing the sandbox does holds a claim that long: a confirm told to answer late stores
 * its answer at once, held back (answerHeldUntil) rather than left IN_FLIGHT. Taking over a claim whose
 * request is somehow still running is harmless: the work's own change is conditional (a payment moves
 * out of IN_PROGRESS once), so the second run is refused, never applied twice.
 */
export const CLAIM_DEADLINE_MS = 15_000;

export interface IdempotencyScope {
  key: string;
  secretKey: string;
  method: string;
  path: string;
}

const hashOf = (secretKey: string) => createHash("sha256").update(secretKey).digest("hex");

/** The key claimed for the request being answered, until its answer is stored. */
interface InFlight {
  /** null while the claim is deferred to the operation's first statement (see pendingClaim) */
  id: string | null;
  answered: boolean;
  pending?: PendingClaim;
}

/** An idempotency key row for the operation's first statement to insert (ON CONFLICT DO NOTHING). */
export interface PendingClaim {
  id: string;
  key: string;
  secretKeyHash: string;
  method: string;
  path: string;
  expiresAt: Date;
}

/** The operation's own statement found the key taken: withIdempotency goes the usual way instead. */
class ClaimConflict extends Error {}
const inFlight = new AsyncLocalStorage<InFlight>();

/**
 * The idempotency key this request claimed and has not answered yet, if any: a change that knows the
 * answer stores it in its own statement (lib/toss-sandbox/transition.ts), then calls answerInFlightKey.
 */
export function inFlightKey(): { id: string } | null {
  const key = inFlight.getStore();
  return key && key.id !== null && !key.answered ? { id: key.id } : null;
}

/**
 * The claim this request has yet to make, for an operation that makes it in its own first statement
 * (one round trip instead of two; the sandbox's confirm), or null. The operation then calls
 * claimMade with whether its statement inserted the row.
 */
export function pendingClaim(): PendingClaim | null {
  const key = inFlight.getStore();
  return key?.pending && key.id === null ? key.pending : null;
}

/** After the operation's statement: claimed, or (the key was taken) stop here and let withIdempotency decide. */
export function claimMade(claim: PendingClaim, inserted: boolean): void {
  const key = inFlight.getStore();
  if (!key || key.pending !== claim) throw new Error("claimMade outside its request");
  if (!inserted) throw new ClaimConflict();
  key.id = claim.id;
}

/**
 * Stores `result` as the answer of this request's idempotency key inside the caller's transaction, so
 * that the change and its answer commit together (a retry after a crash hears the change, never runs it
 * again). Returns the key to pass to answerInFlightKey once committed; null without a key.
 */
export async function answerInTransaction(tx: Tx, result: ApiResult): Promise<{ id: string } | null> {
  const key = inFlightKey();
  if (!key) return null;
  await tx.sandboxIdempotencyKey.update({
    where: { id: key.id },
    data: { status: "DONE", responseStatus: result.status, responseBody: JSON.stringify(result.body) },
  });
  return key;
}

export function answerInFlightKey(key: { id: string }): void {
  const current = inFlight.getStore();
  if (current?.id === key.id) current.answered = true;
}

export function checkIdempotencyKey(key: string): void {
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) throw new TossSandboxError("INVALID_IDEMPOTENCY_KEY");
}

type Claim = { kind: "claimed"; id: string } | { kind: "replay"; result: ApiResult } | { kind: "in-flight" };

async function claim(scope: IdempotencyScope, secretKeyHash: string, now: Date): Promise<Claim> {
  const where = { key: scope.key, secretKeyHash, method: scope.method, path: scope.path };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const row = await db.sandboxIdempotencyKey.create({
        data: { ...where, expiresAt: new Date(now.getTime() + KEEP_MS) },
        select: { id: true },
      });
      return { kind: "claimed", id: row.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await db.sandboxIdempotencyKey.findUnique({ where: { key_secretKeyHash_method_path: where } });
    if (!existing) continue; // removed between our insert and our read: try again
    if (existing.status === "DONE" && existing.expiresAt > now) {
      // An answer held back (a confirm told to answer late) is, to a repeat, a request still running.
      if (existing.answerHeldUntil && existing.answerHeldUntil > now) return { kind: "in-flight" };
      return { kind: "replay", result: { status: existing.responseStatus ?? 200, body: JSON.parse(existing.responseBody ?? "null") } };
    }
    const abandoned = existing.status === "IN_FLIGHT" && now.getTime() - existing.createdAt.getTime() > CLAIM_DEADLINE_MS;
    if (existing.status === "IN_FLIGHT" && !abandoned) return { kind: "in-flight" };
    // Expired or abandoned: remove exactly that record (a conditional delete), then claim again.
    await db.sandboxIdempotencyKey.deleteMany({ where: { id: existing.id, status: existing.status, createdAt: existing.createdAt } });
  }
  return { kind: "in-flight" };
}

/**
 * Runs `work` once per idempotency scope. Toss errors the work throws are answers too and are replayed
 * like successes; an unexpected failure releases the key so that a retry can run the work.
 *
 * `claimInWork`: the work claims the key in its own first statement (pendingClaim/claimMade), saving
 * the claim's round trip; when that statement finds the key taken, the usual claim decides (replay,
 * 409 while in flight, or a fresh claim over an expired record and the work runs again). A work that
 * answers before reaching its statement (a malformed body) has its answer stored in one insert.
 */
export async function withIdempotency(
  scope: IdempotencyScope | null,
  work: () => Promise<ApiResult>,
  options: { claimInWork?: boolean } = {},
): Promise<ApiResult> {
  const run = async () => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TossSandboxError) return errorResult(error);
      throw error;
    }
  };
  if (!scope) return run();
  const secretKeyHash = hashOf(scope.secretKey);
  const now = new Date();

  if (options.claimInWork) {
    const pending: PendingClaim = {
      id: randomUUID(),
      key: scope.key,
      secretKeyHash,
      method: scope.method,
      path: scope.path,
      expiresAt: new Date(now.getTime() + KEEP_MS),
    };
    const key: InFlight = { id: null, answered: false, pending };
    let result: ApiResult | undefined;
    try {
      result = await inFlight.run(key, run);
    } catch (error) {
      if (!(error instanceof ClaimConflict)) {
        await release(key);
        throw error;
      }
    }
    if (result !== undefined) {
      if (key.id === null) return (await storeUnclaimedAnswer(pending, result)) ?? (await runClaimed(scope, secretKeyHash, now, run));
      return storeAnswer(key, result);
    }
  }
  return runClaimed(scope, secretKeyHash, now, run);
}

/** The usual way: claim first (or replay, or 409 while in flight), then run the work, then store its answer. */
async function runClaimed(scope: IdempotencyScope, secretKeyHash: string, now: Date, run: () => Promise<ApiResult>): Promise<ApiResult> {
  const claimed = await claim(scope, secretKeyHash, now);
  if (claimed.kind === "replay") return claimed.result;
  if (claimed.kind === "in-flight") return errorResult(new TossSandboxError("IDEMPOTENT_REQUEST_PROCESSING"));

  const key: InFlight = { id: claimed.id, answered: false };
  let result: ApiResult;
  try {
    result = await inFlight.run(key, run);
  } catch (error) {
    await release(key);
    throw error;
  }
  return storeAnswer(key, result);
}

async function release(key: InFlight) {
  if (key.id !== null && !key.answered) await db.sandboxIdempotencyKey.delete({ where: { id: key.id } }).catch(() => {});
}

async function storeAnswer(key: InFlight, result: ApiResult): Promise<ApiResult> {
  if (key.answered || key.id === null) return result;
  await db.sandboxIdempotencyKey.update({
    where: { id: key.id },
    data: { status: "DONE", responseStatus: result.status, responseBody: JSON.stringify(result.body) },
  });
  return result;
}

/**
 * An answer given before the work claimed its key, stored with the key in one insert; null when the key
 * was taken meanwhile (the usual claim then decides what this request hears).
 */
async function storeUnclaimedAnswer(pending: PendingClaim, result: ApiResult): Promise<ApiResult | null> {
  const inserted = await db.$executeRaw`
    INSERT INTO "SandboxIdempotencyKey"
      ("id", "key", "secretKeyHash", "method", "path", "status", "responseStatus", "responseBody", "expiresAt")
    VALUES (${pending.id}, ${pending.key}, ${pending.secretKeyHash}, ${pending.method}, ${pending.path},
            'DONE', ${result.status}, ${JSON.stringify(result.body)}, ${sqlTimestamp(pending.expiresAt)})
    ON CONFLICT ("key", "secretKeyHash", "method", "path") DO NOTHING`;
  return inserted === 1 ? result : null;
}
