"use server";
// Server actions of the buying flow: parse, check the user, call lib/payments, map the result. Each is
// the same lib function as its route handler (POST /api/orders, POST /api/payments/toss/confirm).
import { getCurrentUser } from "@/lib/auth/session";
import { toPublicError, zodValidationError, type PublicError } from "@/lib/errors";
import { confirmOrder } from "@/lib/payments/confirm-order";
import { createOrder, type PaymentSession } from "@/lib/payments/create-order";
import { paymentErrors } from "@/lib/payments/errors";
import { failOrder } from "@/lib/payments/fail-order";
import { toOrderView, type OrderView } from "@/lib/payments/order-view";
import { refundOrder } from "@/lib/payments/refund-order";
import { confirmSchema, createOrderSchema, failureSchema, refundSchema } from "@/lib/payments/schemas";
import { requestOrigin } from "@/lib/request-origin";
import type { z } from "zod";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: PublicError };

async function run<T>(context: string, work: (userId: string) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const user = await getCurrentUser();
    if (!user) throw paymentErrors.unauthenticated();
    return { ok: true, data: await work(user.id) };
  } catch (error) {
    return { ok: false, error: toPublicError(error, context) };
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw zodValidationError(parsed.error.issues);
  return parsed.data;
}

/** Creates (or, with resumeOrderId, resumes) the PENDING order the checkout page pays. */
export async function createPaymentSession(productCode: string, resumeOrderId?: string): Promise<ActionResult<PaymentSession>> {
  return run("createPaymentSession", async (userId) => {
    const input = parse(createOrderSchema, { product: productCode, orderId: resumeOrderId });
    return createOrder(userId, input.product, { resumeOrderId: input.orderId, origin: await requestOrigin() });
  });
}

export type SuccessResult = { status: "SETTLED" | "PROCESSING"; order: OrderView; retryAfterSeconds?: number };

/** The success page's confirm: safe to call again on refresh, double click or StrictMode. */
export async function handlePaymentSuccess(input: { paymentKey: string; orderId: string; amount: string | number }): Promise<ActionResult<SuccessResult>> {
  return run("handlePaymentSuccess", async (userId) => {
    const outcome = await confirmOrder(userId, parse(confirmSchema, input));
    return outcome.kind === "processing"
      ? { status: "PROCESSING", order: toOrderView(outcome.order), retryAfterSeconds: outcome.retryAfterSeconds }
      : { status: "SETTLED", order: toOrderView(outcome.order) };
  });
}

/** The fail page: a buyer's cancel closes the order; any other failure keeps it open to try again. */
export async function handlePaymentFailure(input: { code: string; message?: string; orderId: string }): Promise<ActionResult<OrderView>> {
  return run("handlePaymentFailure", async (userId) => toOrderView(await failOrder(userId, parse(failureSchema, input))));
}

/** Refunds a paid pack whose credits are unspent. */
export async function refundOrderAction(
  orderId: string,
  refundReceiveAccount?: { bank: string; accountNumber: string; holderName: string },
): Promise<ActionResult<{ status: "REFUNDED" | "PROCESSING"; order?: OrderView }>> {
  return run("refundOrderAction", async (userId) => {
    const input = parse(refundSchema, { refundReceiveAccount });
    const outcome = await refundOrder(userId, orderId, input.refundReceiveAccount);
    return outcome.kind === "processing"
      ? { status: "PROCESSING" as const }
      : { status: "REFUNDED" as const, order: toOrderView(outcome.result.order) };
  });
}
