// Spending credits, at once or held for a job (reserve → capture or release), under the caller's
// idempotency key. Each is ONE statement: it locks the user's open lots in spending order (LOT_ORDER),
// takes what it needs from the first of them, writes a ledger row per lot it took from and the
// CreditSpend row that answers any repeat of the key. The lots' CHECK constraints, not this code, keep
// every lot (and so the balance) from going below zero.
//
// Rules, as Stripe's idempotency keys have them: the same key answers the first outcome and charges
// once; the same key with another amount or kind is refused (409). A spend refused for want of credits
// writes nothing, so its key may be used again after a top-up.
import "server-only";
import { Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { queryRows } from "@/lib/sql";
import { expireHolds, SWEEP_LIMIT } from "./expiry";
import { LOT_OPEN, LOT_ORDER } from "./lots";

export type SpendKind = "SPEND" | "HOLD" | "ADJUSTMENT";
export type SpendStatus = "SPENT" | "HELD" | "CAPTURED" | "RELEASED" | "EXPIRED";

export interface SpendRecord {
  id: string;
  kind: SpendKind;
  status: SpendStatus;
  amount: number;
  captured: number | null;
  reason: string;
  idempotencyKey: string;
  /** the balance right after this spend or reservation */
  balanceAfter: number;
  heldUntil: string | null;
  closedAt: string | null;
  createdAt: string;
}

export interface SpendOutcome {
  spend: SpendRecord;
  /** false: the key was used before and this is its first outcome, charged nothing more */
  created: boolean;
}

export const creditErrors = {
  insufficient: (balance: number, required: number) =>
    new AppError({
      code: "INSUFFICIENT_CREDITS",
      status: 409,
      userMessage: `크레딧이 부족해요. 필요한 크레딧은 ${required}개, 남은 크레딧은 ${balance}개예요. 크레딧 팩을 구매해 주세요.`,
      details: { balance, required },
    }),
  keyReused: () =>
    new AppError({
      code: "IDEMPOTENCY_KEY_REUSED",
      status: 409,
      userMessage: "같은 요청 키로 다른 내용의 요청이 이미 처리됐어요. 새 요청에는 새 키를 써 주세요.",
    }),
  reservationNotFound: () => new AppError({ code: "RESERVATION_NOT_FOUND", status: 404, userMessage: "크레딧 예약을 찾을 수 없어요." }),
  reservationClosed: (status: SpendStatus) =>
    new AppError({
      code: "RESERVATION_CLOSED",
      status: 409,
      userMessage:
        status === "CAPTURED"
          ? "이미 사용 확정된 예약이에요."
          : status === "EXPIRED"
            ? "예약 시간이 지나 크레딧이 돌아갔어요. 다시 예약해 주세요."
            : "이미 해제된 예약이에요.",
      details: { status },
    }),
  captureTooLarge: (held: number) =>
    new AppError({
      code: "CAPTURE_EXCEEDS_HOLD",
      status: 422,
      userMessage: `예약한 크레딧(${held}개)보다 많이 사용할 수 없어요.`,
      details: { held },
    }),
};

/** Idempotency keys: what Stripe and Toss accept, printable ASCII up to 300 characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,300}$/;

function assertInput(amount: number, idempotencyKey: string, reason: string) {
  if (!Number.isInteger(amount) || amount <= 0 || amount > 1_000_000) throw new Error(`credits: amount must be a positive integer, got ${amount}`);
  if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) throw new Error("credits: idempotencyKey must be 1-300 printable ASCII characters");
  if (!reason.trim() || reason.length > 200) throw new Error("credits: reason must be 1-200 characters");
}

const SPEND_JSON = Prisma.raw(`json_build_object(
  'id', s."id", 'kind', s."kind", 'status', s."status", 'amount', s."amount", 'captured', s."captured",
  'reason', s."reason", 'idempotencyKey', s."idempotencyKey", 'balanceAfter', s."balanceAfter",
  'heldUntil', to_char(s."heldUntil" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'closedAt', to_char(s."closedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'createdAt', to_char(s."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`);

interface DrawInput {
  userId: string;
  amount: number;
  idempotencyKey: string;
  reason: string;
  kind: SpendKind;
  /** HOLD: seconds until the reconcile cron gives the credits back */
  holdSeconds?: number;
  /** ADJUSTMENT made from an order's page: the order the ledger rows name */
  orderDbId?: string | null;
}

type DrawRow = { created: SpendRecord | null; prior: SpendRecord | null; available: number };

/**
 * The one statement behind spends, reservations and an operator's − adjustment. The lots are locked
 * FOR UPDATE in LOT_ORDER in a CTE of their own, which gives this statement their latest `remaining`
 * even when another spend committed while it waited; the running sum over them then says what to take
 * from each. Concurrent uses of one key: the second waits on the lots, its insert meets the first's key
 * and writes nothing, and a second look finds the first's outcome.
 */
async function draw(input: DrawInput): Promise<SpendOutcome> {
  const { userId, amount, idempotencyKey, reason, kind } = input;
  assertInput(amount, idempotencyKey, reason);
  const status = kind === "HOLD" ? "HELD" : "SPENT";
  const holdSeconds = kind === "HOLD" ? input.holdSeconds ?? 600 : null;
  const entryKind = kind;
  for (let attempt = 0; ; attempt++) {
    const rows = await queryRows<DrawRow>(Prisma.sql`
      WITH "prior" AS (
        SELECT * FROM "CreditSpend" WHERE "userId" = ${userId} AND "idempotencyKey" = ${idempotencyKey}
      ), "locked" AS MATERIALIZED (
        SELECT "id", "remaining", "priority", "expiresAt", "createdAt" FROM "CreditLot"
        WHERE "userId" = ${userId} AND ${LOT_OPEN} AND NOT EXISTS (SELECT 1 FROM "prior")
        ORDER BY ${LOT_ORDER}
        FOR UPDATE
      ), "total" AS (
        SELECT COALESCE(SUM("remaining"), 0)::int AS "available" FROM "locked"
      ), "spend" AS (
        INSERT INTO "CreditSpend" ("id", "userId", "idempotencyKey", "kind", "status", "amount", "reason", "balanceAfter", "heldUntil", "createdAt")
        SELECT gen_random_uuid()::text, ${userId}, ${idempotencyKey}, ${kind}::"CreditSpendKind", ${status}::"CreditSpendStatus",
               ${amount}::int, ${reason}, t."available" - ${amount}::int,
               CASE WHEN ${holdSeconds}::int IS NULL THEN NULL ELSE now() + ${holdSeconds}::int * interval '1 second' END, now()
        FROM "total" t WHERE t."available" >= ${amount}::int
        ON CONFLICT ("userId", "idempotencyKey") DO NOTHING
        RETURNING *
      ), "alloc" AS (
        SELECT l."id",
               LEAST(l."remaining", ${amount}::int - (SUM(l."remaining") OVER (ORDER BY ${LOT_ORDER} ROWS UNBOUNDED PRECEDING) - l."remaining"))::int AS "take"
        FROM "locked" l WHERE EXISTS (SELECT 1 FROM "spend")
      ), "taken" AS (
        UPDATE "CreditLot" lot SET "remaining" = lot."remaining" - a."take"
        FROM "alloc" a WHERE lot."id" = a."id" AND a."take" > 0
        RETURNING lot."id", a."take"
      ), "entries" AS (
        INSERT INTO "CreditLedger" ("id", "userId", "orderId", "kind", "amount", "reason", "lotId", "spendId", "createdAt")
        SELECT gen_random_uuid()::text, ${userId}, ${input.orderDbId ?? null}, ${entryKind}::"CreditEntryKind", -t."take", s."reason",
               t."id", s."id", now() AT TIME ZONE 'UTC'
        FROM "taken" t CROSS JOIN "spend" s
      )
      SELECT (SELECT ${SPEND_JSON} FROM "spend" s) AS "created",
             (SELECT ${SPEND_JSON} FROM "prior" s) AS "prior",
             (SELECT "available" FROM "total") AS "available"`);
    const { created, prior, available } = rows[0]!;
    if (created) return { spend: created, created: true };
    if (prior) {
      if (prior.amount !== amount || prior.kind !== kind) throw creditErrors.keyReused();
      return { spend: prior, created: false };
    }
    // Nothing written and no earlier use of the key seen: either too few credits, or another use of the
    // same key committed after this statement began (its row was invisible to it). Look once more.
    if (attempt >= 1) {
      if (available < amount) throw creditErrors.insufficient(available, amount);
      throw new Error("credits: a spend neither wrote nor found its key twice");
    }
    if (available < amount) {
      const again = await findSpend(userId, idempotencyKey);
      if (!again) {
        // Credits held by reservations past their time come back at the cron's next run, which may be a
        // day away (Vercel Hobby): give this user's back now, and try once more if that was any.
        if (attempt === 0 && (await expireHolds(SWEEP_LIMIT, userId)).credits > 0) continue;
        throw creditErrors.insufficient(available, amount);
      }
      if (again.amount !== amount || again.kind !== kind) throw creditErrors.keyReused();
      return { spend: again, created: false };
    }
  }
}

async function findSpend(userId: string, idempotencyKey: string): Promise<SpendRecord | null> {
  const rows = await queryRows<{ spend: SpendRecord }>(Prisma.sql`
    SELECT ${SPEND_JSON} AS "spend" FROM "CreditSpend" s WHERE s."userId" = ${userId} AND s."idempotencyKey" = ${idempotencyKey}`);
  return rows[0]?.spend ?? null;
}

/**
 * Spends `amount` credits of the user's, bonus credits first, then the lots that expire first, once per
 * `idempotencyKey`: a repeat answers the first spend (balance and all) and takes nothing more. Too few
 * credits: INSUFFICIENT_CREDITS (409) with the balance, nothing changed. One statement.
 */
export async function spendCredits(input: { userId: string; amount: number; idempotencyKey: string; reason: string }): Promise<SpendOutcome> {
  return draw({ ...input, kind: "SPEND" });
}

/** Reservations last 10 minutes unless the caller says otherwise (1 second to 24 hours). */
export const DEFAULT_HOLD_SECONDS = 600;
export const MAX_HOLD_SECONDS = 24 * 60 * 60;

/**
 * Holds `amount` credits for a job (a HOLD spend): they leave the balance now, and go back to their lots
 * when released, when captured for less, or when `ttlSeconds` pass without either (the reconcile cron).
 * Same key rules as spendCredits.
 */
export async function reserveCredits(input: {
  userId: string;
  amount: number;
  idempotencyKey: string;
  reason: string;
  ttlSeconds?: number;
}): Promise<SpendOutcome> {
  const ttl = input.ttlSeconds ?? DEFAULT_HOLD_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_HOLD_SECONDS) throw new Error(`credits: ttlSeconds must be 1..${MAX_HOLD_SECONDS}`);
  return draw({ ...input, kind: "HOLD", holdSeconds: ttl });
}

/** An operator's − adjustment: drawn like a spend, under the operator request's key. */
export async function drawAdjustment(input: { userId: string; amount: number; idempotencyKey: string; reason: string; orderDbId: string | null }) {
  return draw({ ...input, kind: "ADJUSTMENT" });
}

type CloseRow = { closed: SpendRecord | null; current: SpendRecord | null };

/**
 * Closes a HELD reservation: CAPTURED with `captured` credits consumed, or RELEASED / EXPIRED with none.
 * What is not consumed goes back to the lots it came from, the last-drawn first, so that what stays
 * consumed is what a spend of `captured` would have drawn. One statement; the lots it gives back to are
 * locked in LOT_ORDER, like a spend's.
 */
async function closeReservation(where: Prisma.Sql, to: "CAPTURED" | "RELEASED", captured: number | null): Promise<CloseRow> {
  const rows = await queryRows<CloseRow>(Prisma.sql`
    WITH "current" AS (
      SELECT * FROM "CreditSpend" s WHERE ${where} AND s."kind" = 'HOLD'
    ), "closed" AS (
      UPDATE "CreditSpend" s SET "status" = ${to}::"CreditSpendStatus", "captured" = COALESCE(${captured}::int, s."amount"), "closedAt" = now()
      FROM "current" c
      WHERE s."id" = c."id" AND s."status" = 'HELD' AND (${to} = 'RELEASED' OR s."heldUntil" > now()) AND COALESCE(${captured}::int, 0) <= s."amount"
      RETURNING s.*
    ), "held" AS (
      SELECT e."lotId", -e."amount" AS "take", l."priority", l."expiresAt", l."createdAt"
      FROM "CreditLedger" e JOIN "CreditLot" l ON l."id" = e."lotId"
      WHERE e."spendId" = (SELECT "id" FROM "closed") AND e."kind" = 'HOLD'
    ), "back" AS (
      SELECT h."lotId",
             (h."take" - LEAST(h."take", GREATEST(0, (SELECT "captured" FROM "closed") - (SUM(h."take") OVER (ORDER BY h."priority", h."expiresAt" ASC NULLS LAST, h."createdAt", h."lotId" ROWS UNBOUNDED PRECEDING) - h."take"))))::int AS "give"
      FROM "held" h
    ), "locked" AS MATERIALIZED (
      SELECT l."id" FROM "CreditLot" l WHERE l."id" IN (SELECT "lotId" FROM "back" WHERE "give" > 0) ORDER BY ${LOT_ORDER} FOR UPDATE
    ), "returned" AS (
      UPDATE "CreditLot" lot SET "remaining" = lot."remaining" + b."give"
      FROM "back" b, "locked" k WHERE lot."id" = b."lotId" AND k."id" = b."lotId" AND b."give" > 0
      RETURNING lot."id", b."give"
    ), "entries" AS (
      INSERT INTO "CreditLedger" ("id", "userId", "kind", "amount", "reason", "lotId", "spendId", "createdAt")
      SELECT gen_random_uuid()::text, c."userId", 'RELEASE'::"CreditEntryKind", r."give",
             CASE WHEN ${to} = 'CAPTURED' THEN c."reason" || ' (사용 후 남은 예약 반환)' ELSE c."reason" || ' (예약 해제)' END,
             r."id", c."id", now() AT TIME ZONE 'UTC'
      FROM "returned" r CROSS JOIN "closed" c
    )
    SELECT (SELECT ${SPEND_JSON} FROM "closed" s) AS "closed", (SELECT ${SPEND_JSON} FROM "current" s) AS "current"`);
  return rows[0]!;
}

type ReservationRef = { userId: string } & ({ reservationId: string } | { idempotencyKey: string });

function whereOf(ref: ReservationRef): Prisma.Sql {
  return "reservationId" in ref
    ? Prisma.sql`s."userId" = ${ref.userId} AND s."id" = ${ref.reservationId}`
    : Prisma.sql`s."userId" = ${ref.userId} AND s."idempotencyKey" = ${ref.idempotencyKey}`;
}

/**
 * Consumes `amount` (default: all) of a HELD reservation and gives the rest back. Repeating a capture of
 * the same amount answers it again; another amount, or a capture of a released or expired reservation,
 * is refused (409). A reservation past its time is refused too, even before the cron has given it back.
 */
export async function captureReservation(ref: ReservationRef & { amount?: number }): Promise<SpendOutcome> {
  if (ref.amount !== undefined && (!Number.isInteger(ref.amount) || ref.amount < 0)) throw new Error("credits: capture amount must be a whole number ≥ 0");
  const where = whereOf(ref);
  const { closed, current } = await closeReservation(where, "CAPTURED", ref.amount ?? null);
  if (closed) return { spend: closed, created: true };
  const answer = (spend: SpendRecord | null): SpendOutcome | "raced" => {
    if (!spend) throw creditErrors.reservationNotFound();
    const amount = ref.amount ?? spend.amount;
    if (spend.status === "CAPTURED") {
      if (spend.captured === amount) return { spend, created: false };
      throw creditErrors.reservationClosed("CAPTURED");
    }
    if (spend.status !== "HELD") throw creditErrors.reservationClosed(spend.status);
    if (amount > spend.amount) throw creditErrors.captureTooLarge(spend.amount);
    if (spend.heldUntil && new Date(spend.heldUntil) <= new Date()) throw creditErrors.reservationClosed("EXPIRED");
    return "raced";
  };
  const first = answer(current);
  if (first !== "raced") return first;
  // It looked HELD to this statement, yet it did not close it: another capture or release committed
  // while this one waited for the row. Its outcome is the answer.
  const now = answer(await findSpendBy(where));
  if (now === "raced") throw creditErrors.reservationClosed("EXPIRED");
  return now;
}

async function findSpendBy(where: Prisma.Sql): Promise<SpendRecord | null> {
  const rows = await queryRows<{ spend: SpendRecord }>(Prisma.sql`SELECT ${SPEND_JSON} AS "spend" FROM "CreditSpend" s WHERE ${where}`);
  return rows[0]?.spend ?? null;
}

/**
 * Gives every credit of a HELD reservation back to its lots. Releasing a released or expired reservation
 * answers it as it is; releasing a captured one is refused (409).
 */
export async function releaseReservation(ref: ReservationRef): Promise<SpendOutcome> {
  const where = whereOf(ref);
  const { closed, current } = await closeReservation(where, "RELEASED", 0);
  if (closed) return { spend: closed, created: true };
  const answer = (spend: SpendRecord | null): SpendOutcome | "raced" => {
    if (!spend) throw creditErrors.reservationNotFound();
    if (spend.status === "RELEASED" || spend.status === "EXPIRED") return { spend, created: false };
    if (spend.status === "CAPTURED") throw creditErrors.reservationClosed("CAPTURED");
    return "raced";
  };
  const first = answer(current);
  if (first !== "raced") return first;
  const now = answer(await findSpendBy(where));
  if (now === "raced") throw new Error("credits: a HELD reservation in time was neither released nor seen closed");
  return now;
}
