// Inputs of the operator console, shared by its route handlers and server actions. No server-only
// import: the forms use the limits too.
import { z } from "zod";

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

export const refundInputSchema = z.strictObject({
  reason: reasonSchema,
  requestId: requestIdSchema,
  /** won to cancel; absent: the whole remaining amount */
  amount: z
    .number({ error: "환불 금액을 숫자로 입력해 주세요." })
    .int("환불 금액은 원 단위 정수로 입력해 주세요.")
    .min(1, "환불 금액은 1원 이상이어야 해요.")
    .max(100_000_000, "환불 금액이 너무 커요.")
    .optional(),
  /** the buyer spent some of the pack's credits: refund anyway and let the balance go negative */
  allowNegativeBalance: z.boolean().default(false),
});
export type RefundInput = z.infer<typeof refundInputSchema>;

export const resyncInputSchema = z.strictObject({ reason: reasonSchema });

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

/** A range of days in Seoul time, both ends included. */
export const dateRangeSchema = z.strictObject({ from: day, to: day });
