"use server";
// Server actions of the operator console: the same lib functions as /api/admin/orders/{orderId}/…, behind
// the same check (404 NOT_FOUND for anyone who is not an operator).
import type { z } from "zod";
import { adjustCreditsAsOperator, type AdjustmentResult } from "@/lib/admin/adjust-credits-as-operator";
import { disableAutoChargeAsOperator, type DisableAutoChargeResult } from "@/lib/admin/disable-auto-charge-as-operator";
import { adminErrors } from "@/lib/admin/errors";
import { grantBonusAsOperator, type BonusResult } from "@/lib/admin/grant-bonus-as-operator";
import { requireApiOperator, type Operator } from "@/lib/admin/operator";
import { refundAsOperator } from "@/lib/admin/refund-as-operator";
import { resyncOrder } from "@/lib/admin/resync-order";
import { adjustmentInputSchema, bonusInputSchema, disableAutoChargeInputSchema, refundInputSchema, resyncInputSchema } from "@/lib/admin/schemas";
import { toPublicError, zodValidationError, type PublicError } from "@/lib/errors";
import type { ReconcileOrderResult } from "@/lib/payments/reconcile-order";
import { orderIdSchema } from "@/lib/payments/schemas";

export type AdminActionResult<T> = { ok: true; data: T } | { ok: false; error: PublicError };

async function run<T>(context: string, orderId: unknown, work: (operator: Operator, orderId: string) => Promise<T>): Promise<AdminActionResult<T>> {
  try {
    const operator = await requireApiOperator();
    const id = orderIdSchema.safeParse(orderId);
    if (!id.success) throw adminErrors.orderNotFound();
    return { ok: true, data: await work(operator, id.data) };
  } catch (error) {
    return { ok: false, error: toPublicError(error, context, { orderId: typeof orderId === "string" ? orderId : undefined }) };
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw zodValidationError(parsed.error.issues);
  return parsed.data;
}

export async function refundAsOperatorAction(orderId: string, input: unknown): Promise<AdminActionResult<{ status: "REFUNDED" | "PROCESSING" }>> {
  return run("refundAsOperatorAction", orderId, async (operator, id) => {
    const outcome = await refundAsOperator(operator, id, parse(refundInputSchema, input));
    return { status: outcome.kind === "refunded" ? "REFUNDED" : "PROCESSING" };
  });
}

export async function resyncOrderAction(orderId: string, input: unknown): Promise<AdminActionResult<ReconcileOrderResult>> {
  return run("resyncOrderAction", orderId, (operator, id) => resyncOrder(operator, id, parse(resyncInputSchema, input).reason));
}

export async function adjustCreditsAction(orderId: string, input: unknown): Promise<AdminActionResult<AdjustmentResult>> {
  return run("adjustCreditsAction", orderId, (operator, id) => adjustCreditsAsOperator(operator, id, parse(adjustmentInputSchema, input)));
}

export async function grantBonusAction(orderId: string, input: unknown): Promise<AdminActionResult<BonusResult>> {
  return run("grantBonusAction", orderId, (operator, id) => grantBonusAsOperator(operator, id, parse(bonusInputSchema, input)));
}

export async function disablePlanAction(orderId: string, input: unknown): Promise<AdminActionResult<DisableAutoChargeResult>> {
  return run("disablePlanAction", orderId, (operator, id) => disableAutoChargeAsOperator(operator, id, "PLAN", parse(disableAutoChargeInputSchema, input).reason));
}

export async function disableTopUpAction(orderId: string, input: unknown): Promise<AdminActionResult<DisableAutoChargeResult>> {
  return run("disableTopUpAction", orderId, (operator, id) => disableAutoChargeAsOperator(operator, id, "TOP_UP", parse(disableAutoChargeInputSchema, input).reason));
}
