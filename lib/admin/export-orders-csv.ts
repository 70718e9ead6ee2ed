import "server-only";
import { db } from "@/lib/db";
import { ORDER_STATUS_LABELS, type OrderStatus } from "@/lib/payments/order-status";
import { adminErrors } from "./errors";
import { kstDayStart, kstTimestamp } from "@/lib/kst";
import { ORDER_KIND_LABELS, type OrderKind } from "./order-kind";

const DAY_MS = 24 * 60 * 60_000;
const MAX_DAYS = 366;
const MAX_ROWS = 100_000;

export const CSV_HEADER = [
  "주문번호",
  "주문일시(KST)",
  "결제일시(KST)",
  "취소일시(KST)",
  "상태",
  "상태코드",
  "상품",
  "금액(원)",
  "크레딧",
  "결제수단",
  "paymentKey",
  "구매자 이메일",
  // Appended last, so that a sheet reading the columns above by position keeps working.
  "주문 종류",
];

/**
 * One CSV cell. Quoted when it holds a comma, quote or line break; a text cell that a spreadsheet would
 * read as a formula (=, +, -, @, tab, CR) gets a leading apostrophe (CSV injection).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Orders created from `from` to `to` (Seoul days, both included), oldest first, as CSV for accounting:
 * UTF-8 with a BOM so that Excel reads the Korean text, CRLF line ends. `kind`: only that kind of order.
 */
export async function exportOrdersCsv(range: { from: string; to: string; kind?: OrderKind }): Promise<string> {
  const start = kstDayStart(range.from);
  const lastDay = kstDayStart(range.to);
  if (!start || !lastDay || lastDay < start || (lastDay.getTime() - start.getTime()) / DAY_MS >= MAX_DAYS) throw adminErrors.invalidRange();
  const orders = await db.order.findMany({
    where: { createdAt: { gte: start, lt: new Date(lastDay.getTime() + DAY_MS) }, ...(range.kind ? { kind: range.kind } : {}) },
    orderBy: { createdAt: "asc" },
    take: MAX_ROWS,
    include: { user: { select: { email: true } } },
  });
  const lines = [CSV_HEADER.map(csvCell).join(",")];
  for (const o of orders) {
    lines.push(
      [
        o.orderId,
        kstTimestamp(o.createdAt),
        kstTimestamp(o.approvedAt),
        kstTimestamp(o.canceledAt),
        ORDER_STATUS_LABELS[o.status as OrderStatus],
        o.status,
        o.orderName,
        o.amount,
        o.credits,
        o.method,
        o.paymentKey,
        o.user.email,
        ORDER_KIND_LABELS[o.kind],
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
