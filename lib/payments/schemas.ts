// Input schemas shared by route handlers and server actions (no server-only: forms may use them too).
import { z } from "zod";
import { ORDER_ID_PATTERN } from "@/lib/ids";

export const productCodeSchema = z.string().trim().regex(/^[A-Z_]{1,40}$/, "상품 코드가 올바르지 않아요.");
export const orderIdSchema = z.string().regex(ORDER_ID_PATTERN, "주문번호가 올바르지 않아요.");

export const createOrderSchema = z.object({
  product: productCodeSchema,
  /** resume the user's own open order for the same product (다시 시도) */
  orderId: orderIdSchema.optional(),
});

export const confirmSchema = z.object({
  paymentKey: z.string().min(1, "paymentKey가 필요해요.").max(200),
  orderId: orderIdSchema,
  // Toss sends the amount as a query string; accept a number or a numeric string, integer won only.
  amount: z.coerce.number<string | number>().int("금액이 올바르지 않아요.").positive("금액이 올바르지 않아요.").max(100_000_000),
});

export const failureSchema = z.object({
  code: z.string().min(1).max(100),
  message: z.string().max(500).default(""),
  orderId: orderIdSchema,
});

export const refundSchema = z.object({
  refundReceiveAccount: z
    .object({
      bank: z.string().min(1).max(20),
      accountNumber: z.string().regex(/^\d{1,20}$/, "계좌번호는 숫자만 20자까지 입력해 주세요."),
      holderName: z.string().min(1).max(60),
    })
    .optional(),
});
