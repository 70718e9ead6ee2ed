// GET /api/cron/reconcile: gives back credits held past their reservation's time, expires what lapsed
// credit lots have left, charges the monthly credit plans that are due (lib/billing/plan.ts) and tells buyers
// of the coming ones (lib/billing/plan-notices.ts), sends notices' e-mail still to send, settles confirms with unknown outcomes, expires abandoned orders and overdue
// virtual accounts, and deletes rate-limit counters whose window has ended. Vercel Cron calls it with `Authorization: Bearer <CRON_SECRET>` (vercel.json).
import { timingSafeEqual } from "node:crypto";
import { budgetFrom, chargeDuePlans } from "@/lib/billing/plan";
import { noticeUpcomingPlanCharges } from "@/lib/billing/plan-notices";
import { topUpsLeftBehind } from "@/lib/billing/top-up";
import { expireHolds, expireLots } from "@/lib/credits/expiry";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { logEvent } from "@/lib/log";
import { deliverNotices } from "@/lib/notices/mail";
import { reconcile } from "@/lib/payments/reconcile";
import { recordPaymentEvent } from "@/lib/payments/record-event";
import { deleteExpiredRateLimits } from "@/lib/rate-limit/delete-expired-rate-limits";
import { jsonResponse } from "@/lib/json-response";

export const maxDuration = 60;

function authorised(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${env.cronSecret}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(request: Request) {
  if (!authorised(request.headers.get("authorization"))) {
    return jsonResponse({ error: { code: "UNAUTHORIZED", message: "인증이 필요해요." } }, { status: 401 });
  }
  // Charges start only while the run's budget lasts (lib/billing/plan.ts CRON_CHARGE_BUDGET_MS): one cut
  // short by maxDuration mid-charge leaves a claimed order that the next run charges again under its key.
  const budget = budgetFrom();
  try {
    // Holds first: credits a lapsed reservation gives back to a lot that has itself expired then expire
    // in the same run.
    const holdsExpired = await expireHolds();
    const lotsExpired = await expireLots();
    const report = {
      ...(await reconcile()),
      holdsExpired,
      lotsExpired,
      plansCharged: await chargeDuePlans(new Date(), budget),
      // Top-ups whose after() never ran (the spend's function was stopped after its answer).
      topUpsCaughtUp: await topUpsLeftBehind(budget),
      // The plans due within PLAN_NOTICE_DAYS are told (once a month each), then every notice whose
      // e-mail is still to send (a transport that failed before, a sender that died) is tried again.
      plansNoticed: await noticeUpcomingPlanCharges(),
      noticesMailed: await deliverNotices(),
      rateLimitsDeleted: await deleteExpiredRateLimits(),
    };
    logEvent("info", "reconcile.done", { ...report });
    // The operator console's dashboard shows the last run and its report.
    await recordPaymentEvent(db, { type: "RECONCILE_RUN", payload: report });
    return jsonResponse(report);
  } catch (error) {
    return errorResponse(error, "GET /api/cron/reconcile");
  }
}
