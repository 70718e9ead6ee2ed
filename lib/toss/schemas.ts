// zod schemas of Toss payloads (API version 2022-11-16). Only the fields we act on are required;
// the rest pass through untouched so that the audit log keeps Toss's answer as it came.
import { z } from "zod";

export const TOSS_PAYMENT_STATUSES = [
  "READY",
  "IN_PROGRESS",
  "WAITING_FOR_DEPOSIT",
  "DONE",
  "CANCELED",
  "PARTIAL_CANCELED",
  "ABORTED",
  "EXPIRED",
] as const;
export type TossPaymentStatus = (typeof TOSS_PAYMENT_STATUSES)[number];

export const tossCancelSchema = z.looseObject({
  transactionKey: z.string(),
  cancelReason: z.string().nullish(),
  cancelAmount: z.number().int(),
  canceledAt: z.string().nullish(),
  cancelStatus: z.string().nullish(),
});

export const tossVirtualAccountSchema = z.looseObject({
  accountNumber: z.string(),
  bankCode: z.string().nullish(),
  customerName: z.string().nullish(),
  dueDate: z.string().nullish(),
  expired: z.boolean().nullish(),
  refundStatus: z.string().nullish(),
});

export const tossPaymentSchema = z.looseObject({
  paymentKey: z.string(),
  orderId: z.string(),
  orderName: z.string().nullish(),
  status: z.enum(TOSS_PAYMENT_STATUSES),
  method: z.string().nullish(),
  totalAmount: z.number().int(),
  balanceAmount: z.number().int(),
  currency: z.string().nullish(),
  requestedAt: z.string().nullish(),
  approvedAt: z.string().nullish(),
  lastTransactionKey: z.string().nullish(),
  virtualAccount: tossVirtualAccountSchema.nullish(),
  secret: z.string().nullish(),
  cancels: z.array(tossCancelSchema).nullish(),
  receipt: z.looseObject({ url: z.string() }).nullish(),
  failure: z.looseObject({ code: z.string(), message: z.string() }).nullish(),
});
export type TossPayment = z.infer<typeof tossPaymentSchema>;

export const tossErrorBodySchema = z.object({ code: z.string(), message: z.string() });
