// Day boundaries in Seoul time (UTC+9, no daylight saving): the dashboard, the CSV export, the refund window.

const KST_OFFSET_MS = 9 * 60 * 60_000;

/** "2026-11-22" → the instant that day starts in Seoul; null for a day that does not exist. */
export function kstDayStart(day: string): Date | null {
  const [y, m, d] = day.split("-").map(Number);
  const utc = Date.UTC(y!, m! - 1, d!);
  const check = new Date(utc);
  if (Number.isNaN(utc) || check.getUTCFullYear() !== y || check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - KST_OFFSET_MS);
}

/** The Seoul calendar day of an instant, "YYYY-MM-DD". */
export function kstDay(instant: Date): string {
  return new Date(instant.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Start of today and of this month in Seoul, and the start of tomorrow. */
export function kstPeriods(now: Date) {
  const today = kstDay(now);
  const todayStart = kstDayStart(today)!;
  return {
    todayStart,
    tomorrowStart: new Date(todayStart.getTime() + 24 * 60 * 60_000),
    monthStart: kstDayStart(`${today.slice(0, 8)}01`)!,
  };
}

/** "2026-11-22 09:30:05" in Seoul time (for CSV: sortable, unambiguous). */
export function kstTimestamp(instant: Date | null): string {
  if (!instant) return "";
  return new Date(instant.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}
