// Idempotency-Key as Toss implements it (TOSS.md "Idempotency-Key"): matched on key + secret key +
// URL + method, the body is not part of the match; a repeat gets the first answer unchanged; a repeat
// while the first is still running gets 409 IDEMPOTENT_REQUEST_PROCESSING; keys live 15 days.
// The record is inserted IN_FLIGHT before the work starts: the unique index decides who is first,
// across instances, without any in-memory state.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { TossSandboxError } from "./errors";
import { errorResult, type ApiResult } from "./http";

export const IDEMPOTENCY_KEY_MAX_LENGTH = 300;
const KEEP_MS = 15 * 24 * 60 * 60 * 1000;
/** An IN_FLIGHT record older than this belongs to an instance that died mid-request. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

export interface IdempotencyScope {
  key: string;
  secretKey: string;
  method: string;
  path: string;
}

const hashOf = (secretKey: string) => createHash("sha256").update(secretKey).digest("hex");

/** The key claimed for the request being answered, until its answer is stored. */
interface InFlight {
  id: string;
  answered: boolean;
}
const inFlight = new AsyncLocalStorage<InFlight>();

/**
 * The idempotency key this request claimed and has not answered yet, if any: a change that knows the
 * answer stores it in its own statement (lib/toss-sandbox/transition.ts), then calls answerInFlightKey.
 */
export function inFlightKey(): InFlight | null {
  const key = inFlight.getStore();
  return key && !key.answered ? key : null;
}

export function answerInFlightKey(key: InFlight): void {
  key.answered = true;
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
      return { kind: "replay", result: { status: existing.responseStatus ?? 200, body: JSON.parse(existing.responseBody ?? "null") } };
    }
    const abandoned = existing.status === "IN_FLIGHT" && now.getTime() - existing.createdAt.getTime() > ABANDONED_AFTER_MS;
    if (existing.status === "IN_FLIGHT" && !abandoned) return { kind: "in-flight" };
    // Expired or abandoned: remove exactly that record (a conditional delete), then claim again.
    await db.sandboxIdempotencyKey.deleteMany({ where: { id: existing.id, status: existing.status, createdAt: existing.createdAt } });
  }
  return { kind: "in-flight" };
}

/**
 * Runs `work` once per idempotency scope. Toss errors the work throws are answers too and are replayed
 * like successes; an unexpected failure releases the key so that a retry can run the work.
 */
export async function withIdempotency(scope: IdempotencyScope | null, work: () => Promise<ApiResult>): Promise<ApiResult> {
  const run = async () => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TossSandboxError) return errorResult(error);
      throw error;
    }
  };
  if (!scope) return run();

  const claimed = await claim(scope, hashOf(scope.secretKey), new Date());
  if (claimed.kind === "replay") return claimed.result;
  if (claimed.kind === "in-flight") return errorResult(new TossSandboxError("IDEMPOTENT_REQUEST_PROCESSING"));

  let result: ApiResult;
  const key: InFlight = { id: claimed.id, answered: false };
  try {
    result = await inFlight.run(key, run);
  } catch (error) {
    if (!key.answered) await db.sandboxIdempotencyKey.delete({ where: { id: claimed.id } }).catch(() => {});
    throw error;
  }
  if (key.answered) return result;
  await db.sandboxIdempotencyKey.update({
    where: { id: claimed.id },
    data: { status: "DONE", responseStatus: result.status, responseBody: JSON.stringify(result.body) },
  });
  return result;
}
