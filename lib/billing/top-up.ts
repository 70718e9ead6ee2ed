// Threshold auto top-up (자동충전 by threshold, issue #23), on only with AUTO_TOP_UP_ENABLED: Toss allows
// billing for periodic subscriptions and must approve non-periodic use for the merchant. When a spend
// leaves the balance under the buyer's threshold, their pack is charged to the saved card, once per
// crossing: the crossing's number is the count of this top-up's paid charges, so every spend that sees the
// balance under the threshold before the refill computes the same chargeKey, and the order's unique key
// makes it one charge however many race. At most one automatic purchase is in flight per user (a partial
// unique index) and at most AUTO_TOP_UP_DAILY_CAP are made per Seoul day (each takes its day's number, unique
// per user, only while the number is within the cap).
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { Prisma, type AutoTopUp } from "@/lib/generated/prisma/client";
import { LOT_OPEN } from "@/lib/credits/lots";
import { kstDay } from "@/lib/kst";
import { logEvent } from "@/lib/log";
import { queryRows } from "@/lib/sql";
import { reportError } from "@/lib/observability/report";
import { BILLING_AGREEMENT_VERSION, topUpAgreementText } from "./agreement";
import { AUTO_CHARGE_CLAIM_MS, chargeSavedCard } from "./charge-saved-card";
import { budgetFrom, budgetSpent, type ChargeBudget } from "./plan";
import { billingErrors } from "./errors";
import { disableWithNotice } from "./plan-notices";

export const topUpErrors = {
  disabled: () =>
    new AppError({ code: "AUTO_TOP_UP_DISABLED", status: 403, userMessage: "잔액 기준 자동충전은 이 상점에서 사용할 수 없어요. 정기 충전을 이용해 주세요." }),
  agreementOutdated: () =>
    new AppError({ code: "AGREEMENT_OUTDATED", status: 409, userMessage: "자동결제 동의 내용이 바뀌었어요. 화면을 새로고침해 다시 확인해 주세요." }),
  invalidThreshold: () => new AppError({ code: "VALIDATION_FAILED", status: 400, userMessage: "기준 크레딧은 1개부터 10,000개 사이로 정해 주세요." }),
};

/** The chargeKey of a top-up's crossing number `n` (1, 2, …): one per top-up start and crossing. */
export function topUpChargeKey(topUp: Pick<AutoTopUp, "userId" | "agreedAt">, n: number): string {
  return `topup:${topUp.userId}:${topUp.agreedAt.getTime()}:${n}`;
}

/** Starts (or restarts) the buyer's threshold top-up after they agreed; needs the flag and a saved card. */
export async function startTopUp(
  userId: string,
  input: { productCode: string; thresholdCredits: number; agreementVersion: string },
  now = new Date(),
): Promise<AutoTopUp> {
  if (!env.autoTopUp.enabled) throw topUpErrors.disabled();
  if (input.agreementVersion !== BILLING_AGREEMENT_VERSION) throw topUpErrors.agreementOutdated();
  if (!Number.isInteger(input.thresholdCredits) || input.thresholdCredits < 1 || input.thresholdCredits > 10_000) throw topUpErrors.invalidThreshold();
  const [card, product] = await Promise.all([
    db.billingCard.findFirst({ where: { userId, status: "ACTIVE" }, select: { id: true } }),
    db.product.findFirst({ where: { code: input.productCode, active: true } }),
  ]);
  if (!card) throw billingErrors.noCard();
  if (!product) throw billingErrors.productNotFound();
  const data = {
    productCode: product.code,
    thresholdCredits: input.thresholdCredits,
    status: "ACTIVE" as const,
    agreementVersion: input.agreementVersion,
    agreedAt: now,
    failureCode: null,
    failureMessage: null,
  };
  // The top-up and the record of what the buyer agreed to (the sentences they were shown), together.
  const text = topUpAgreementText({
    sellerName: env.business.name,
    packName: product.name,
    price: product.price,
    thresholdCredits: input.thresholdCredits,
    dailyCap: env.autoTopUp.dailyCap,
  });
  const [topUp] = await db.$transaction([
    db.autoTopUp.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
    db.billingConsent.create({ data: { userId, scope: "TOP_UP", agreementVersion: input.agreementVersion, text: text.join("\n"), agreedAt: now } }),
  ]);
  return topUp;
}

export type TopUpResult = "off" | "above" | "capped" | "paid" | "declined" | "pending";

type TopUpState = AutoTopUp & { balance: number; paid: number };

/**
 * A top-up with its buyer's balance and the number of its crossings paid so far, read by one statement: the
 * crossing's chargeKey comes from the same snapshot as the balance. (Read apart, a refill settled between
 * the two reads would make a balance still under the threshold meet a count already past its crossing:
 * the next crossing's key, and a second charge for one crossing.)
 */
function topUpStates(where: Prisma.Sql, tail: Prisma.Sql = Prisma.empty): Promise<TopUpState[]> {
  return queryRows<TopUpState>(Prisma.sql`
    SELECT t.*, balance."credits" AS "balance", paid."count" AS "paid"
    FROM "AutoTopUp" AS t
    CROSS JOIN LATERAL (SELECT COALESCE(SUM("remaining"), 0)::int AS "credits" FROM "CreditLot" WHERE "userId" = t."userId" AND ${LOT_OPEN}) AS balance
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "count" FROM "Order" AS o
      WHERE o."userId" = t."userId" AND o."kind" = 'TOP_UP' AND o."approvedAt" IS NOT NULL
        AND o."status" IN ('PAID', 'PARTIAL_CANCELED', 'CANCELED')
        AND starts_with(o."chargeKey", 'topup:' || t."userId" || ':' || (extract(epoch FROM t."agreedAt") * 1000)::bigint::text || ':')
    ) AS paid
    WHERE ${where}
    ${tail}`);
}

/**
 * After a spend: tops the user's balance up when it is under their threshold (and the flag is on). Safe to
 * call from every spend at once: one charge per crossing, one automatic purchase in flight, the daily cap.
 * A declined card stops the top-up with its reason; nothing is granted for it.
 */
export async function topUpIfBelow(userId: string): Promise<TopUpResult> {
  if (!env.autoTopUp.enabled) return "off";
  const [topUp] = await topUpStates(Prisma.sql`t."userId" = ${userId}`);
  if (!topUp || topUp.status !== "ACTIVE") return "off";
  if (topUp.balance >= topUp.thresholdCredits) return "above";
  return chargeCrossing(topUp);
}

/** Charges the top-up's next crossing (once: its chargeKey); a declined card, or none, turns it off. */
async function chargeCrossing(topUp: TopUpState): Promise<Exclude<TopUpResult, "off" | "above">> {
  const { userId } = topUp;
  const chargeKey = topUpChargeKey(topUp, topUp.paid + 1);
  try {
    // The daily cap is decided by the order's insert (its day's number, unique per user): see chargeSavedCard.
    const outcome = await chargeSavedCard({ userId, productCode: topUp.productCode, kind: "TOP_UP", chargeKey, dailyCap: env.autoTopUp.dailyCap });
    if (outcome.kind === "paid") return "paid";
    if (outcome.kind === "capped") {
      logEvent("warn", "billing.top_up_capped", { userId, cap: env.autoTopUp.dailyCap });
      return "capped";
    }
    if (outcome.kind === "declined") {
      await disable(topUp, chargeKey, outcome.code, outcome.message);
      return "declined";
    }
    return "pending";
  } catch (error) {
    if (!isAppError(error) || (error.code !== "NO_SAVED_CARD" && error.code !== "PRODUCT_NOT_FOUND")) throw error;
    await disable(topUp, chargeKey, error.code, error.userMessage);
    return "declined";
  }
}

/** Turns the top-up (of this start) off with the reason and tells the buyer (notice and e-mail). */
async function disable(topUp: AutoTopUp, chargeKey: string, code: string, message: string) {
  const stopped = await disableWithNotice({
    table: "AutoTopUp",
    userId: topUp.userId,
    still: Prisma.sql`"agreedAt" = ${topUp.agreedAt.toISOString()}::timestamptz`,
    chargeKey,
    code,
    message,
  });
  if (stopped) logEvent("warn", "billing.top_up_disabled", { userId: topUp.userId, code });
}

/**
 * topUpIfBelow for `after()` a spend's answer (the spend's balance is not trusted: a refill may have settled
 * since; topUpIfBelow reads its own). A failure is logged and reported, never thrown into the void.
 */
export async function topUpAfterSpend(userId: string): Promise<void> {
  try {
    await topUpIfBelow(userId);
  } catch (error) {
    logEvent("error", "billing.top_up_failed", { userId, error: String(error) });
    reportError(error, "billing.top_up_after_spend", { details: { userId } });
  }
}

/** The buyer turns their threshold top-up off (CANCELED). */
export async function stopTopUp(userId: string): Promise<boolean> {
  const { count } = await db.autoTopUp.updateMany({ where: { userId, status: { in: ["ACTIVE", "PAUSED", "DISABLED"] } }, data: { status: "CANCELED" } });
  return count === 1;
}

/** Top-ups a cron run looks at most. */
export const TOP_UP_SWEEP_BATCH = 20;

/**
 * How long after a spend its `after()` top-up may still be running (the spend's function lives at most 30 s;
 * a claim older than this is taken for dead by the same rule, AUTO_CHARGE_CLAIM_MS): until then the cron
 * leaves the buyer to their spend's own top-up.
 */
export const TOP_UP_AFTER_SPEND_MS = AUTO_CHARGE_CLAIM_MS;

/**
 * The cron's safety net for top-ups whose `after()` never ran (the spend's function was stopped after its
 * answer): every ACTIVE top-up whose buyer's last spend since it started is older than TOP_UP_AFTER_SPEND_MS
 * and left the balance under the threshold, with no automatic purchase in flight and the day's cap not
 * reached, found in one statement (the oldest top-ups first, at most TOP_UP_SWEEP_BATCH) and charged while
 * the run's budget lasts. The crossing's key comes from the same snapshot as the balance (topUpStates), so
 * runs that race, or a spend's own late top-up, make one charge. A balance that fell by expiry alone is not
 * topped up: a spend is the trigger the buyer agreed to.
 */
export async function topUpsLeftBehind(budget: ChargeBudget = budgetFrom(), now = new Date()): Promise<Record<TopUpResult, number> & { left: number }> {
  const report: Record<TopUpResult, number> & { left: number } = { off: 0, above: 0, capped: 0, paid: 0, declined: 0, pending: 0, left: 0 };
  if (!env.autoTopUp.enabled) return report;
  const behind = await topUpStates(
    Prisma.sql`t."status" = 'ACTIVE' AND balance."credits" < t."thresholdCredits"
      AND (SELECT max(s."createdAt") FROM "CreditSpend" AS s WHERE s."userId" = t."userId")
          BETWEEN t."agreedAt" AND ${now.toISOString()}::timestamptz - ${TOP_UP_AFTER_SPEND_MS}::int * interval '1 millisecond'
      AND NOT EXISTS (
        SELECT 1 FROM "Order" AS f
        WHERE f."userId" = t."userId" AND f."kind" <> 'CHECKOUT' AND f."status" = 'PENDING' AND f."confirmAttemptedAt" IS NOT NULL)
      AND (SELECT count(*) FROM "Order" AS d WHERE d."userId" = t."userId" AND d."topUpDay" = ${kstDay(now)}::date) < ${env.autoTopUp.dailyCap}::int`,
    Prisma.sql`ORDER BY t."agreedAt" ASC, t."userId" ASC LIMIT ${TOP_UP_SWEEP_BATCH}`,
  );
  for (const [i, topUp] of behind.entries()) {
    if (budgetSpent(budget)) {
      report.left = behind.length - i;
      break;
    }
    try {
      report[await chargeCrossing(topUp)]++;
    } catch (error) {
      report.pending++;
      logEvent("error", "billing.top_up_sweep_failed", { userId: topUp.userId, error: String(error) });
      reportError(error, "billing.top_ups_left_behind", { details: { userId: topUp.userId } });
    }
  }
  return report;
}
