// The notices of automatic purchases (issue #23): "your plan's charge is coming" PLAN_NOTICE_DAYS before
// each monthly charge, with a one-click cancel, and "your card was declined" when a plan or a top-up stops
// on a refusal. Each is written by one statement with a dedupe key naming the plan's start and month (or
// the declined charge), so cron runs that race write it once; the e-mail follows through the outbox.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { logEvent } from "@/lib/log";
import { emailStatusSql, mailNewNotices } from "@/lib/notices/notices";
import { queryRows } from "@/lib/sql";
import { PLAN_NOTICE_DAYS } from "./agreement";

export { PLAN_NOTICE_DAYS };

type Made = { id: string; emailStatus: string };

/** The dedupe key of the "charge coming" notice of the plan month whose chargeKey is `chargeKey`. */
export const planUpcomingKey = (chargeKey: string) => `upcoming:${chargeKey}`;
/** The dedupe key of the notice of a declined automatic charge. */
export const declinedKey = (chargeKey: string) => `declined:${chargeKey}`;

/**
 * The cron's step: one "charge coming" notice for every ACTIVE plan due within PLAN_NOTICE_DAYS (one
 * statement; a plan already told of this month's charge is skipped by its key), then their e-mail.
 */
export async function noticeUpcomingPlanCharges(now = new Date()): Promise<number> {
  // The key is planUpcomingKey(planChargeKey(plan, due)): "upcoming:plan:<user>:<agreedAt ms>:<Seoul month>".
  const made = await queryRows<Made>(Prisma.sql`
    INSERT INTO "Notice" ("id", "userId", "kind", "dedupeKey", "data", "emailStatus")
    SELECT gen_random_uuid()::text, p."userId", 'PLAN_UPCOMING'::"NoticeKind",
      'upcoming:plan:' || p."userId" || ':' || (extract(epoch FROM p."agreedAt") * 1000)::bigint || ':' ||
        to_char(p."nextChargeAt" AT TIME ZONE 'Asia/Seoul', 'YYYY-MM'),
      jsonb_build_object(
        'packName', pr."name", 'credits', pr."credits", 'price', pr."price",
        'chargeAt', to_char(p."nextChargeAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'cardCompany', c."cardCompany", 'cardNumber', c."cardNumber",
        'agreedAtMs', (extract(epoch FROM p."agreedAt") * 1000)::bigint),
      ${emailStatusSql("u")}
    FROM "CreditPlan" AS p
    JOIN "Product" AS pr ON pr."code" = p."productCode"
    JOIN "User" AS u ON u."id" = p."userId"
    LEFT JOIN "BillingCard" AS c ON c."userId" = p."userId" AND c."status" = 'ACTIVE'
    WHERE p."status" = 'ACTIVE'
      AND p."nextChargeAt" > ${now.toISOString()}::timestamptz
      AND p."nextChargeAt" <= ${now.toISOString()}::timestamptz + ${PLAN_NOTICE_DAYS}::int * interval '1 day'
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id", "emailStatus"`);
  if (made.length) logEvent("info", "billing.plan_upcoming_noticed", { count: made.length });
  await mailNewNotices(made);
  return made.length;
}

/**
 * Disables an ACTIVE plan (or top-up) still on the refused charge and writes the buyer's notice, in one
 * statement: the notice exists exactly when the stop happened. Answers whether this call stopped it.
 */
export async function disableWithNotice(input: {
  table: "CreditPlan" | "AutoTopUp";
  userId: string;
  /** the row's state the refusal belongs to: the plan's due date, or the top-up's start */
  still: Prisma.Sql;
  chargeKey: string;
  code: string;
  message: string;
}): Promise<boolean> {
  const kind = input.table === "CreditPlan" ? "PLAN_DECLINED" : "TOP_UP_DECLINED";
  const made = await queryRows<Made>(Prisma.sql`
    WITH stopped AS (
      UPDATE ${Prisma.raw(`"${input.table}"`)} SET "status" = 'DISABLED', "failureCode" = ${input.code}, "failureMessage" = ${input.message}, "updatedAt" = now()
      WHERE "userId" = ${input.userId} AND "status" = 'ACTIVE' AND ${input.still}
      RETURNING "userId", "productCode")
    INSERT INTO "Notice" ("id", "userId", "kind", "dedupeKey", "data", "emailStatus")
    SELECT gen_random_uuid()::text, s."userId", ${kind}::"NoticeKind", ${declinedKey(input.chargeKey)},
      jsonb_build_object('packName', pr."name", 'price', pr."price", 'code', ${input.code}::text, 'reason', ${input.message}::text),
      ${emailStatusSql("u")}
    FROM stopped AS s JOIN "Product" AS pr ON pr."code" = s."productCode" JOIN "User" AS u ON u."id" = s."userId"
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id", "emailStatus"`);
  await mailNewNotices(made);
  return made.length > 0;
}
