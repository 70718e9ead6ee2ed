// What expires next, in words a buyer reads at a glance ("7일 후(12월 11일) 2크레딧 만료"), counted in
// Seoul calendar days whatever the server's or viewer's time zone: a lot that expires at 00:30 KST
// tomorrow expires "내일", not "오늘", although it is under 24 hours away. A lot that ends at 00:00 KST
// (an operator's bonus "valid through" a day ends at the start of the next) belongs to the day before:
// its credits can be used all of that day and no minute of the next. Pure: the account page passes the
// summary's nextExpiry and the time of the request.
import { formatCount } from "@/lib/format";
import { kstDay, kstTimestamp } from "@/lib/kst";

const DAY_MS = 24 * 60 * 60_000;

/** Within this many days the notice is shown as a warning (the 30-day notice of the 공정위 standard terms). */
export const EXPIRY_SOON_DAYS = 30;

/** From this many days on, the notice names the date alone: "1826일 후" says less than "2031년 12월 4일". */
const DATE_ONLY_FROM_DAYS = 365;

export interface ExpiryNotice {
  /** when, for a <time> element: "7일 후(12월 11일)", "내일(12월 5일)", "오늘 23:30에", "오늘 자정에", "2031년 12월 4일" */
  when: string;
  /** what: "2크레딧 만료" */
  what: string;
  /** the whole sentence: `${when} ${what}` */
  text: string;
  /** Seoul calendar days from today to the last day the credits can be used (0 = today) */
  days: number;
  /** within EXPIRY_SOON_DAYS */
  soon: boolean;
}

/** Whole Seoul calendar days from `from`'s day to `to`'s day. */
export function seoulDaysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(kstDay(to)) - Date.parse(kstDay(from))) / DAY_MS);
}

/** "2026-12-11" → "12월 11일", or "2027년 1월 4일" when the year is not `thisYear` (null: always the year). */
function seoulDate(day: string, thisYear: string | null): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${String(year) === thisYear ? "" : `${year}년 `}${month}월 ${date}일`;
}

/** Whether an instant is the very start of a Seoul day (00:00:00.000 KST). */
function isSeoulMidnight(instant: Date): boolean {
  return kstTimestamp(instant).endsWith(" 00:00:00") && instant.getTime() % 1000 === 0;
}

/** The last Seoul day, "YYYY-MM-DD", on which credits that expire at `expiresAt` can still be used. */
export function lastUsableSeoulDay(expiresAt: Date): string {
  return kstDay(new Date(expiresAt.getTime() - 1));
}

/**
 * Until when credits that expire at `iso` can be used, in Seoul time: "2031년 12월 4일 19:17", or the
 * day alone, "2026년 12월 11일", for credits that can be used to the end of it (expiring at 00:00 KST).
 */
export function usableUntilText(iso: string): string {
  const expiresAt = new Date(iso);
  if (Number.isNaN(expiresAt.getTime())) throw new Error(`usableUntilText: not an instant: ${JSON.stringify(iso)}`);
  const day = seoulDate(lastUsableSeoulDay(expiresAt), null);
  return isSeoulMidnight(expiresAt) ? day : `${day} ${kstTimestamp(expiresAt).slice(11, 16)}`;
}

/**
 * The notice for the next credits to expire (CreditSummary.nextExpiry) as seen at `now`. A lot whose
 * time has passed is not in nextExpiry; should one arrive (the page rendered in the second it lapsed),
 * it reads as today.
 */
export function expiryNotice(next: { credits: number; expiresAt: string }, now: Date): ExpiryNotice {
  const expiresAt = new Date(next.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) throw new Error(`expiryNotice: not an instant: ${JSON.stringify(next.expiresAt)}`);
  const days = Math.max(0, seoulDaysBetween(now, new Date(expiresAt.getTime() - 1)));
  const date = seoulDate(lastUsableSeoulDay(expiresAt), kstDay(now).slice(0, 4));
  const when =
    days === 0
      ? isSeoulMidnight(expiresAt)
        ? "오늘 자정에"
        : `오늘 ${kstTimestamp(expiresAt).slice(11, 16)}에`
      : days === 1
        ? `내일(${date})`
        : days < DATE_ONLY_FROM_DAYS
          ? `${days}일 후(${date})`
          : date;
  const what = `${formatCount(next.credits)}크레딧 만료`;
  return { when, what, text: `${when} ${what}`, days, soon: days <= EXPIRY_SOON_DAYS };
}
