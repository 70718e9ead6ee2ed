// The monthly credit plan (정기 충전, issue #23): a pack charged to the saved card once a month. Each
// month's charge is an automatic purchase (charge-saved-card.ts) whose chargeKey names the user, the
// plan's start and the Seoul month, so however often the cron runs (or runs at once) a month is charged
// once; the plan's next due date moves on only by a conditional update from the due date it charged.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { Prisma, type CreditPlan } from "@/lib/generated/prisma/client";
import { kstDay, kstDayStart } from "@/lib/kst";
import { logEvent } from "@/lib/log";
import { BILLING_AGREEMENT_VERSION, billingAgreementText } from "./agreement";
import { readPlanCancelToken } from "./cancel-link";
import { chargeSavedCard, type AutoChargeOutcome } from "./charge-saved-card";
import { billingErrors } from "./errors";
import { disableWithNotice } from "./plan-notices";

export const planErrors = {
  agreementOutdated: () =>
    new AppError({ code: "AGREEMENT_OUTDATED", status: 409, userMessage: "자동결제 동의 내용이 바뀌었어요. 화면을 새로고침해 다시 확인해 주세요." }),
  invalidDay: () => new AppError({ code: "VALIDATION_FAILED", status: 400, userMessage: "결제일은 1일부터 28일 사이로 골라 주세요." }),
  noPlan: () => new AppError({ code: "NO_PLAN", status: 404, userMessage: "정기 충전을 찾을 수 없어요." }),
};

/** "2026-12" for an instant: the Seoul month a charge belongs to. */
export function seoulMonth(instant: Date): string {
  return kstDay(instant).slice(0, 7);
}

/** 00:00 KST on `chargeDay` of the Seoul month after the one `due` falls in. */
export function nextMonthlyCharge(due: Date, chargeDay: number): Date {
  const [year, month] = seoulMonth(due).split("-").map(Number) as [number, number];
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  return kstDayStart(`${next.y}-${String(next.m).padStart(2, "0")}-${String(chargeDay).padStart(2, "0")}`)!;
}

/**
 * The plan's next charge from `now` on: 00:00 KST of `chargeDay` this Seoul month if that is still ahead,
 * else next month's. A resumed plan, or one whose due date the cron missed by months, goes on from here:
 * the months it was paused (or missed) are not charged afterwards.
 */
export function upcomingMonthlyCharge(now: Date, chargeDay: number): Date {
  const thisMonth = kstDayStart(`${seoulMonth(now)}-${String(chargeDay).padStart(2, "0")}`)!;
  return thisMonth > now ? thisMonth : nextMonthlyCharge(now, chargeDay);
}

/** The charge key of the plan's charge due at `due`: one per plan start and Seoul month. */
export function planChargeKey(plan: Pick<CreditPlan, "userId" | "agreedAt">, due: Date): string {
  return `plan:${plan.userId}:${plan.agreedAt.getTime()}:${seoulMonth(due)}`;
}

export type PlanChargeResult = "paid" | "declined" | "pending";

/**
 * Starts (or restarts) the user's plan after they agreed to `agreementVersion`, and charges its first
 * month now, unless a plan charge was already paid this Seoul month (then the next one is due on
 * `chargeDay` next month).
 */
export async function startPlan(
  userId: string,
  input: { productCode: string; chargeDay: number; agreementVersion: string },
  now = new Date(),
): Promise<{ plan: CreditPlan; first: PlanChargeResult | null }> {
  if (input.agreementVersion !== BILLING_AGREEMENT_VERSION) throw planErrors.agreementOutdated();
  if (!Number.isInteger(input.chargeDay) || input.chargeDay < 1 || input.chargeDay > 28) throw planErrors.invalidDay();
  const [card, product, paidThisMonth] = await Promise.all([
    db.billingCard.findFirst({ where: { userId, status: "ACTIVE" }, select: { id: true } }),
    db.product.findFirst({ where: { code: input.productCode, active: true } }),
    db.order.count({
      where: { userId, kind: "PLAN", status: { in: ["PAID", "PARTIAL_CANCELED"] }, approvedAt: { gte: kstDayStart(`${seoulMonth(now)}-01`)! } },
    }),
  ]);
  if (!card) throw billingErrors.noCard();
  if (!product) throw billingErrors.productNotFound();
  const nextChargeAt = paidThisMonth > 0 ? nextMonthlyCharge(now, input.chargeDay) : now;
  const data = {
    productCode: product.code,
    status: "ACTIVE" as const,
    chargeDay: input.chargeDay,
    nextChargeAt,
    agreementVersion: input.agreementVersion,
    agreedAt: now,
    failureCode: null,
    failureMessage: null,
  };
  // The plan and the record of what the buyer agreed to (the sentences they were shown), together.
  const text = billingAgreementText({
    sellerName: env.business.name,
    packName: product.name,
    price: product.price,
    chargeDay: input.chargeDay,
    firstNow: paidThisMonth === 0,
    emailNotices: env.mail !== null,
  });
  const [plan] = await db.$transaction([
    db.creditPlan.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
    db.billingConsent.create({ data: { userId, scope: "PLAN", agreementVersion: input.agreementVersion, text: text.join("\n"), agreedAt: now } }),
  ]);
  logEvent("info", "billing.plan_started", { userId, productCode: product.code, chargeDay: input.chargeDay });
  const first = nextChargeAt <= now ? await chargePlan(plan) : null;
  return { plan: await db.creditPlan.findUniqueOrThrow({ where: { userId } }), first };
}

/** Whether a plan charge was paid this Seoul month (then a plan started or changed now is next charged next month). */
export async function planPaidThisMonth(userId: string, now = new Date()): Promise<boolean> {
  const count = await db.order.count({
    where: { userId, kind: "PLAN", status: { in: ["PAID", "PARTIAL_CANCELED"] }, approvedAt: { gte: kstDayStart(`${seoulMonth(now)}-01`)! } },
  });
  return count > 0;
}

/** The buyer pauses, resumes or ends their plan. A resumed plan keeps its due date. */
export async function setPlanStatus(userId: string, to: "ACTIVE" | "PAUSED" | "CANCELED", now = new Date()): Promise<CreditPlan> {
  const from = to === "ACTIVE" ? ["PAUSED"] : to === "PAUSED" ? ["ACTIVE"] : ["ACTIVE", "PAUSED", "DISABLED"];
  // A plan resumed after its due date passed is next charged on its coming charge day (never at once, and
  // never for the months it was paused), so the notice PLAN_NOTICE_DAYS before it can come first.
  let count: number;
  if (to === "ACTIVE") {
    const paused = await db.creditPlan.findUnique({ where: { userId }, select: { status: true, chargeDay: true, nextChargeAt: true } });
    const nextChargeAt = paused && paused.nextChargeAt <= now ? upcomingMonthlyCharge(now, paused.chargeDay) : paused?.nextChargeAt;
    ({ count } = await db.creditPlan.updateMany({
      where: { userId, status: "PAUSED", ...(paused ? { chargeDay: paused.chargeDay } : {}) },
      data: { status: "ACTIVE", ...(nextChargeAt ? { nextChargeAt } : {}) },
    }));
  } else {
    ({ count } = await db.creditPlan.updateMany({ where: { userId, status: { in: from as CreditPlan["status"][] } }, data: { status: to } }));
  }
  const plan = await db.creditPlan.findUnique({ where: { userId } });
  if (!plan) throw planErrors.noPlan();
  if (count === 0 && plan.status !== to) {
    throw new AppError({ code: "PLAN_STATUS", status: 409, userMessage: "지금 상태에서는 바꿀 수 없어요. 화면을 새로고침해 주세요." });
  }
  return plan;
}

/**
 * Charges the plan's month due at `plan.nextChargeAt` (once: its chargeKey) and moves the due date on when
 * it is paid; a declined card, or no card, disables the plan with the reason. Still unknown: nothing moves,
 * and the next run asks again under the same key.
 */
export async function chargePlan(plan: CreditPlan): Promise<PlanChargeResult> {
  const due = plan.nextChargeAt;
  let outcome: AutoChargeOutcome;
  try {
    outcome = await chargeSavedCard({ userId: plan.userId, productCode: plan.productCode, kind: "PLAN", chargeKey: planChargeKey(plan, due) });
  } catch (error) {
    if (!isAppError(error) || (error.code !== "NO_SAVED_CARD" && error.code !== "PRODUCT_NOT_FOUND")) throw error;
    await disable(plan, error.code, error.userMessage);
    return "declined";
  }
  if (outcome.kind === "paid") {
    // The next month after the one charged, or, when the cron found this due date months late, the coming
    // charge day: the missed months are not charged one after another.
    const now = new Date();
    const next = nextMonthlyCharge(due, plan.chargeDay);
    await db.creditPlan.updateMany({
      where: { userId: plan.userId, status: "ACTIVE", nextChargeAt: due },
      data: { nextChargeAt: next > now ? next : upcomingMonthlyCharge(now, plan.chargeDay) },
    });
    return "paid";
  }
  if (outcome.kind === "declined") {
    await disable(plan, outcome.code, outcome.message);
    return "declined";
  }
  // processing, in flight, or another automatic purchase in flight (busy): the next run asks again.
  return "pending";
}

/** Stops the plan still on the refused charge, with the reason, and tells the buyer (notice and e-mail). */
async function disable(plan: CreditPlan, code: string, message: string) {
  const stopped = await disableWithNotice({
    table: "CreditPlan",
    userId: plan.userId,
    still: Prisma.sql`"nextChargeAt" = ${plan.nextChargeAt.toISOString()}::timestamptz`,
    chargeKey: planChargeKey(plan, plan.nextChargeAt),
    code,
    message,
  });
  if (stopped) logEvent("warn", "billing.plan_disabled", { userId: plan.userId, code });
}

/** Plans a cron run charges at most (each charge is a call to Toss). */
export const PLAN_BATCH = 20;

/**
 * How long a cron run may go on starting charges: Vercel gives the cron's function 60 s (maxDuration) and a
 * charge may wait up to 60 s for Toss, so no new one starts past this point of the run; the rest wait for
 * the next run (they stay due).
 */
export const CRON_CHARGE_BUDGET_MS = 25_000;

export interface ChargeBudget {
  /** when the run started (ms, the clock's) */
  startedAt: number;
  budgetMs: number;
  /** the clock (a parameter so that a test can move it) */
  clock: () => number;
}

export const budgetFrom = (startedAt = Date.now(), budgetMs = CRON_CHARGE_BUDGET_MS, clock: () => number = Date.now): ChargeBudget => ({
  startedAt,
  budgetMs,
  clock,
});

export const budgetSpent = (budget: ChargeBudget) => budget.clock() - budget.startedAt >= budget.budgetMs;

/**
 * The cron's step: every ACTIVE plan due by `now` (the most overdue first, at most PLAN_BATCH), charged
 * one by one while the run's budget lasts. Two runs at once charge no month twice (the chargeKey); a plan
 * whose charge is still unknown stays due and is asked again; `left`: due plans this run did not start.
 */
export async function chargeDuePlans(
  now = new Date(),
  budget: ChargeBudget = budgetFrom(),
): Promise<{ paid: number; declined: number; pending: number; left: number }> {
  const due = await db.creditPlan.findMany({
    where: { status: "ACTIVE", nextChargeAt: { lte: now } },
    orderBy: { nextChargeAt: "asc" },
    take: PLAN_BATCH,
  });
  const report = { paid: 0, declined: 0, pending: 0, left: 0 };
  for (const [i, plan] of due.entries()) {
    if (budgetSpent(budget)) {
      report.left = due.length - i;
      logEvent("warn", "billing.plan_budget_spent", { left: report.left, budgetMs: budget.budgetMs });
      break;
    }
    try {
      report[await chargePlan(plan)]++;
    } catch (error) {
      report.pending++;
      logEvent("error", "billing.plan_charge_failed", { userId: plan.userId, error: String(error) });
    }
  }
  return report;
}

export type PlanFromLink =
  | { state: "invalid" }
  | { state: "gone" }
  | { state: "open"; plan: CreditPlan & { product: { name: string; price: number; credits: number } } };

/** The plan a one-click cancel link (cancel-link.ts) names, if the link is ours and that plan still runs. */
export async function planFromLink(token: string): Promise<PlanFromLink> {
  const named = readPlanCancelToken(token);
  if (!named) return { state: "invalid" };
  const plan = await db.creditPlan.findFirst({
    where: { userId: named.userId, agreedAt: named.agreedAt },
    include: { product: { select: { name: true, price: true, credits: true } } },
  });
  if (!plan || plan.status === "CANCELED") return { state: "gone" };
  return { state: "open", plan };
}

/**
 * Ends the plan a one-click cancel link names, without signing in: the link's signature is the buyer's
 * authority, and it ends only the plan started at the time it names. "already": nothing left to end.
 */
export async function cancelPlanFromLink(token: string): Promise<"canceled" | "already" | "invalid"> {
  const named = readPlanCancelToken(token);
  if (!named) return "invalid";
  const { count } = await db.creditPlan.updateMany({
    where: { userId: named.userId, agreedAt: named.agreedAt, status: { in: ["ACTIVE", "PAUSED", "DISABLED"] } },
    data: { status: "CANCELED" },
  });
  if (count) logEvent("info", "billing.plan_canceled_from_link", { userId: named.userId });
  return count ? "canceled" : "already";
}
