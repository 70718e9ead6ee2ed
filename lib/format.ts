// Display formatting shared by server and client components: Korean locale, Seoul time, integer won.

const won = new Intl.NumberFormat("ko-KR", { style: "currency", currency: "KRW" });
const count = new Intl.NumberFormat("ko-KR");

/** 3000 → "₩3,000" */
export function formatWon(amount: number): string {
  return won.format(amount);
}

/** 1200 → "1,200" (credits, counts) */
export function formatCount(value: number): string {
  return count.format(value);
}

const dateTime = new Intl.DateTimeFormat("ko-KR", {
  timeZone: "Asia/Seoul",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const dateOnly = new Intl.DateTimeFormat("ko-KR", {
  timeZone: "Asia/Seoul",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "2026년 11월 22일 09:30" in Seoul time, whatever the viewer's time zone; "" for null/invalid. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : dateTime.format(date);
}

/** "2026. 11. 22." in Seoul time. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : dateOnly.format(date);
}
