// What clients send to spend or hold credits (POST /api/credits/spend, /api/credits/reservations), and
// the Idempotency-Key header every one of them carries.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { IDEMPOTENCY_KEY_PATTERN, MAX_HOLD_SECONDS } from "./spend-credits";

/** The most credits one request may spend or hold. */
export const MAX_CREDITS_PER_REQUEST = 10_000;

const credits = z
  .number({ error: "크레딧 수를 숫자로 보내 주세요." })
  .int("크레딧은 정수로 보내 주세요.")
  .min(1, "크레딧은 1개 이상이어야 해요.")
  .max(MAX_CREDITS_PER_REQUEST, `한 번에 ${MAX_CREDITS_PER_REQUEST}개까지 사용할 수 있어요.`);

const reason = z.string({ error: "사용 내용을 보내 주세요." }).trim().min(1, "사용 내용을 보내 주세요.").max(100, "사용 내용은 100자 이내로 보내 주세요.");

export const spendInputSchema = z.strictObject({ amount: credits, reason });

export const reserveInputSchema = z.strictObject({
  amount: credits,
  reason,
  /** seconds the credits stay held before the reconcile cron gives them back (default 600) */
  ttlSeconds: z
    .number({ error: "예약 시간을 초 단위 숫자로 보내 주세요." })
    .int("예약 시간은 초 단위 정수로 보내 주세요.")
    .min(60, "예약 시간은 60초 이상이어야 해요.")
    .max(MAX_HOLD_SECONDS, "예약 시간은 24시간을 넘을 수 없어요.")
    .optional(),
});

/** A capture consumes all of the reservation unless `amount` says less (0 is a capture of nothing). */
export const captureInputSchema = z.strictObject({
  amount: z
    .number({ error: "크레딧 수를 숫자로 보내 주세요." })
    .int("크레딧은 정수로 보내 주세요.")
    .min(0, "크레딧은 0개 이상이어야 해요.")
    .max(MAX_CREDITS_PER_REQUEST, `한 번에 ${MAX_CREDITS_PER_REQUEST}개까지 사용할 수 있어요.`)
    .optional(),
});

export const reservationIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/**
 * The request's Idempotency-Key header (required), namespaced so that a client's keys never meet the
 * app's own ("premium:…", the operator's "admin-adjust-…").
 */
export function idempotencyKeyOf(request: Request): string {
  const key = request.headers.get("idempotency-key");
  if (key === null || key === "") {
    throw new AppError({
      code: "IDEMPOTENCY_KEY_REQUIRED",
      status: 400,
      userMessage: "Idempotency-Key 헤더가 필요해요. 요청마다 새 키(예: UUID)를 보내고, 재시도할 때는 같은 키를 보내 주세요.",
    });
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(key) || key.length > 255) {
    throw new AppError({
      code: "IDEMPOTENCY_KEY_INVALID",
      status: 400,
      userMessage: "Idempotency-Key는 255자 이내의 영문, 숫자, 기호로 보내 주세요.",
    });
  }
  return `api:${key}`;
}

/** A spend or reservation as clients see it: their key, without the server's namespace. */
export function publicSpend<T extends { idempotencyKey: string }>(spend: T): T {
  return { ...spend, idempotencyKey: spend.idempotencyKey.replace(/^api:/, "") };
}
