// Inputs of the operator console, shared by its route handlers and server actions. No server-only
// import: the forms use the limits too.
import { z } from "zod";
import { kstDay, kstDayStart } from "@/lib/kst";
import { ORDER_KIND_LABELS, ORDER_KINDS } from "./order-kind";

export const REASON_MAX = 200;

/** Every action needs a reason: it is recorded with the operator and the time in the event log. */
export const reasonSchema = z
  .string({ error: "사유를 입력해 주세요." })
  .trim()
  .min(2, "사유를 2자 이상 입력해 주세요.")
  .max(REASON_MAX, `사유는 ${REASON_MAX}자 이내로 입력해 주세요.`);

/** One id per submitted form: a retried or double-clicked request is the same request (Idempotency-Key). */
export const requestIdSchema = z.uuid({ error: "요청 번호가 올바르지 않아요. 화면을 새로 고쳐 주세요." });

export const searchQuerySchema = z.string().trim().max(200, "검색어는 200자 이내로 입력해 주세요.").default("");

/** The order list's and the CSV's kind filter: absent or "" (전체), or one of Order.kind. */
export const orderKindFilterSchema = z
  .union([z.literal(""), z.enum(ORDER_KINDS)], {
    error: `주문 종류는 전체, ${Object.values(ORDER_KIND_LABELS).join(", ")} 중에서 골라 주세요.`,
  })
  .optional()
  .transform((kind) => kind || undefined);

/** GET /admin/orders and /api/admin/orders: `q` (one key) and `kind`. */
export const orderSearchSchema = z.object({ q: searchQuerySchema, kind: orderKindFilterSchema });
export type OrderSearch = z.infer<typeof orderSearchSchema>;

export const refundInputSchema = z
  .strictObject({
    reason: reasonSchema,
    requestId: requestIdSchema,
    /** won to cancel; absent: the whole remaining amount (or, with unusedOnly, what the server works out) */
    amount: z
      .number({ error: "환불 금액을 숫자로 입력해 주세요." })
      .int("환불 금액은 원 단위 정수로 입력해 주세요.")
      .min(1, "환불 금액은 1원 이상이어야 해요.")
      .max(100_000_000, "환불 금액이 너무 커요.")
      .optional(),
    /**
     * "미사용분만 환불": refund what the pack's lot has left unused; the server cancels
     * ceil(remaining × amount / credits) won (at most what is left to cancel), which takes back exactly
     * those credits. Not with `amount`. Absent: false.
     */
    unusedOnly: z.boolean().optional(),
    /**
     * The buyer used some of the credits this refund takes back: refund anyway, and record what the
     * pack's lot no longer has as a shortfall on the reversal (balances never go below zero). Named
     * before lots existed, when it let the balance go negative; kept for callers of the API.
     */
    allowNegativeBalance: z.boolean().default(false),
  })
  .refine((input) => !(input.unusedOnly && input.amount !== undefined), {
    path: ["amount"],
    message: "미사용분만 환불할 때는 금액을 지정하지 않아요. 서버가 남은 크레딧만큼의 금액을 계산해요.",
  });
export type RefundInput = z.infer<typeof refundInputSchema>;

export const resyncInputSchema = z.strictObject({ reason: reasonSchema });

/** Turning a buyer's monthly plan or auto top-up off: a reason, like every operator action. */
export const disableAutoChargeInputSchema = z.strictObject({ reason: reasonSchema });

export const MAX_ADJUSTMENT = 10_000;

export const adjustmentInputSchema = z.strictObject({
  reason: reasonSchema,
  requestId: requestIdSchema,
  delta: z
    .number({ error: "조정할 크레딧을 숫자로 입력해 주세요." })
    .int("크레딧은 정수로 입력해 주세요.")
    .min(-MAX_ADJUSTMENT, `한 번에 ${MAX_ADJUSTMENT}개까지 조정할 수 있어요.`)
    .max(MAX_ADJUSTMENT, `한 번에 ${MAX_ADJUSTMENT}개까지 조정할 수 있어요.`)
    .refine((n) => n !== 0, "0이 아닌 값을 입력해 주세요."),
});
export type AdjustmentInput = z.infer<typeof adjustmentInputSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "날짜를 YYYY-MM-DD 형식으로 입력해 주세요.");

/** A range of days in Seoul time, both ends included; the CSV may be narrowed to one kind of order. */
export const dateRangeSchema = z.strictObject({ from: day, to: day, kind: orderKindFilterSchema });

export const MAX_BONUS = 10_000;
export const BONUS_LABEL_MAX = 40;
export const BONUS_MAX_YEARS = 5;
const DAY_MS = 24 * 60 * 60_000;

/**
 * The days a bonus may expire on, in Seoul: from tomorrow to the same day BONUS_MAX_YEARS years from
 * today ("YYYY-MM-DD", both ends included). The form's date picker uses them too.
 */
export function bonusExpiryBounds(now: Date = new Date()): { min: string; max: string } {
  const today = kstDay(now);
  const [y, m, d] = today.split("-").map(Number);
  return {
    min: kstDay(new Date(kstDayStart(today)!.getTime() + DAY_MS)),
    max: new Date(Date.UTC(y! + BONUS_MAX_YEARS, m! - 1, d!)).toISOString().slice(0, 10),
  };
}

/** A bonus that expires on a Seoul day is spendable through that whole day: it ends at the next day's 00:00 KST. */
export function bonusExpiresAt(expiresOn: string): Date {
  return new Date(kstDayStart(expiresOn)!.getTime() + DAY_MS);
}

export const bonusInputSchema = z.strictObject({
  reason: reasonSchema,
  requestId: requestIdSchema,
  credits: z
    .number({ error: "보너스 크레딧을 숫자로 입력해 주세요." })
    .int("크레딧은 정수로 입력해 주세요.")
    .min(1, "보너스 크레딧은 1개 이상이어야 해요.")
    .max(MAX_BONUS, `한 번에 ${MAX_BONUS}개까지 줄 수 있어요.`),
  /** the last Seoul day the bonus can be spent */
  expiresOn: z
    .string({ error: "마지막 사용일을 입력해 주세요." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "날짜를 YYYY-MM-DD 형식으로 입력해 주세요.", abort: true })
    .refine((value) => kstDayStart(value) !== null, { message: "있는 날짜를 입력해 주세요.", abort: true })
    .refine((value) => {
      const { min, max } = bonusExpiryBounds();
      return value >= min && value <= max;
    }, `유효기간은 내일부터 ${BONUS_MAX_YEARS}년 이내의 날짜로 정해 주세요.`),
  /** what the buyer sees in their history, e.g. "가입 축하 보너스" */
  label: z
    .string({ error: "구매자에게 보일 이름을 입력해 주세요." })
    .trim()
    .min(1, "구매자에게 보일 이름을 입력해 주세요.")
    .max(BONUS_LABEL_MAX, `구매자에게 보일 이름은 ${BONUS_LABEL_MAX}자 이내로 입력해 주세요.`),
});
export type BonusInput = z.infer<typeof bonusInputSchema>;
