// Notices by e-mail (issue #23), through a real SMTP transport (nodemailer) when SMTP_URL is set. The
// Notice table is the outbox: a notice to send is PENDING; a sender claims a batch (one statement, SKIP
// LOCKED, so two senders never send one notice twice at once), sends each, and records every outcome in one
// more statement. A failed send stays PENDING and is tried again by the reconcile cron once its claim has
// lapsed, up to MAX_ATTEMPTS; a sender that died mid-send leaves a claim that lapses the same way.
import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { logEvent } from "@/lib/log";
import { queryRows } from "@/lib/sql";
import type { NoticeRecord } from "./kinds";
import { renderNotice } from "./render";

/** Attempts before a notice's e-mail is given up (FAILED; it stays on the account page). */
export const MAX_ATTEMPTS = 5;
/** A claim older than this is taken to be its sender's crash or timeout: another sender may take it. */
export const MAIL_CLAIM_MS = 2 * 60_000;
/** Notices one sender sends at most per call (the cron's budget). */
export const MAIL_BATCH = 20;

export interface MailConfig {
  smtpUrl: string;
  from: string;
}

let transport: { url: string; transporter: Transporter } | null = null;

/** One transporter per SMTP URL (its options only: no state a second instance would miss). */
function transporterFor(config: MailConfig): Transporter {
  if (transport?.url !== config.smtpUrl) {
    transport = {
      url: config.smtpUrl,
      // nodemailer waits 2 minutes for a silent server by default: a notice is not worth a cron's budget.
      transporter: createTransport(config.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return transport.transporter;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The e-mail of a notice: the same words as the account page, the action as a link, the business's details. */
export function composeNoticeMail(notice: NoticeRecord, to: string, config: MailConfig, appUrl = env.appUrl) {
  const { title, lines, action } = renderNotice(notice);
  const business = env.business;
  const actionUrl = action ? new URL(action.path, appUrl).toString() : null;
  const footer = [
    `${business.name} · 대표 ${business.representative} · 사업자등록번호 ${business.registrationNumber}`,
    `${business.address} · ${business.phone} · ${business.email}`,
    "이 메일은 자동결제 이용에 관한 안내로, 광고 수신 동의와 관계없이 보내 드려요.",
  ];
  const text = [...lines, ...(actionUrl && action ? ["", `${action.label}: ${actionUrl}`] : []), "", "—", ...footer].join("\n");
  const html = [
    `<h1 style="font-size:18px">${escapeHtml(title)}</h1>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    actionUrl && action ? `<p><a href="${escapeHtml(actionUrl)}">${escapeHtml(action.label)}</a></p>` : "",
    `<hr><p style="color:#666;font-size:12px">${footer.map(escapeHtml).join("<br>")}</p>`,
  ].join("\n");
  return { from: config.from, to, subject: `[${business.name}] ${title}`, text, html };
}

interface Claimed {
  id: string;
  userId: string;
  kind: NoticeRecord["kind"];
  data: NoticeRecord["data"];
  createdAt: Date;
  email: string | null;
  emailAttempts: number;
}

/**
 * Sends the e-mail of pending notices (only `ids` when given: right after they were made), at most
 * MAIL_BATCH. Never throws for a send that fails: the notice stays PENDING for the next try. Answers what
 * happened to each.
 */
export async function deliverNotices(
  options: { ids?: string[]; config?: MailConfig | null; limit?: number } = {},
): Promise<{ sent: number; failed: number; retry: number }> {
  const config = options.config === undefined ? env.mail : options.config;
  const report = { sent: 0, failed: 0, retry: 0 };
  if (!config || options.ids?.length === 0) return report;
  const only = options.ids ? Prisma.sql`AND n."id" = ANY(${options.ids}::text[])` : Prisma.empty;
  const claimed = await queryRows<Claimed>(Prisma.sql`
    UPDATE "Notice" AS n SET "emailClaimedAt" = now(), "emailAttempts" = n."emailAttempts" + 1
    FROM "User" AS u
    WHERE u."id" = n."userId" AND n."id" IN (
      SELECT n."id" FROM "Notice" AS n
      WHERE n."emailStatus" = 'PENDING' ${only}
        AND (n."emailClaimedAt" IS NULL OR n."emailClaimedAt" < now() - ${MAIL_CLAIM_MS}::int * interval '1 millisecond')
      ORDER BY n."createdAt" LIMIT ${options.limit ?? MAIL_BATCH}
      FOR UPDATE SKIP LOCKED)
    RETURNING n."id", n."userId", n."kind", n."data", n."createdAt", u."email", n."emailAttempts"`);
  if (claimed.length === 0) return report;

  const transporter = transporterFor(config);
  const outcomes = await Promise.all(
    claimed.map(async (notice) => {
      if (!notice.email) return { id: notice.id, status: "FAILED", error: "no e-mail address" };
      try {
        const info = await transporter.sendMail(composeNoticeMail(notice as NoticeRecord, notice.email, config));
        logEvent("info", "notice.mailed", { noticeId: notice.id, kind: notice.kind, messageId: info.messageId });
        return { id: notice.id, status: "SENT", error: null };
      } catch (error) {
        const message = String((error as Error)?.message ?? error).slice(0, 500);
        logEvent("warn", "notice.mail_failed", { noticeId: notice.id, kind: notice.kind, attempt: notice.emailAttempts, error: message });
        return { id: notice.id, status: notice.emailAttempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING", error: message };
      }
    }),
  );
  await queryRows(Prisma.sql`
    UPDATE "Notice" AS n SET
      "emailStatus" = o."status"::"NoticeEmailStatus",
      "emailError" = o."error",
      "emailSentAt" = CASE WHEN o."status" = 'SENT' THEN now() ELSE n."emailSentAt" END,
      "emailClaimedAt" = CASE WHEN o."status" = 'PENDING' THEN n."emailClaimedAt" ELSE NULL END
    FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) AS o("id" text, "status" text, "error" text)
    WHERE n."id" = o."id" AND n."emailStatus" = 'PENDING'`);
  for (const outcome of outcomes) {
    if (outcome.status === "SENT") report.sent++;
    else if (outcome.status === "FAILED") report.failed++;
    else report.retry++;
  }
  return report;
}
