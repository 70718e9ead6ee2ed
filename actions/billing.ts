"use server";
// The buyer's 자동충전 (saved card and monthly plan) from the account page: start a plan after agreeing,
// pause, resume or end it, and remove the card. Each answers an ActionResult; the page re-renders.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { removeCard } from "@/lib/billing/cards";
import { cancelPlanFromLink, setPlanStatus, startPlan } from "@/lib/billing/plan";
import { startTopUp, stopTopUp } from "@/lib/billing/top-up";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, toPublicError, validationError } from "@/lib/errors";
import { dismissNotice } from "@/lib/notices/notices";
import { paymentErrors } from "@/lib/payments/errors";
import type { ActionResult } from "./payments";

const planSchema = z.object({
  productCode: z.string().min(1).max(40),
  chargeDay: z.coerce.number().int().min(1, "결제일은 1일부터 28일 사이로 골라 주세요.").max(28, "결제일은 1일부터 28일 사이로 골라 주세요."),
  agreementVersion: z.string().min(1).max(20),
  agree: z.literal("on", { error: "자동결제에 동의해 주세요." }),
});

async function signedIn() {
  const user = await getCurrentUser();
  if (!user) throw paymentErrors.unauthenticated();
  return user;
}

/** Starts the monthly plan (its first month is charged now): answers how the first charge went. */
export async function startPlanAction(_: unknown, form: FormData): Promise<ActionResult<{ first: string | null }>> {
  try {
    const user = await signedIn();
    const parsed = planSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) throw validationError(z.flattenError(parsed.error).fieldErrors);
    const { first } = await startPlan(user.id, parsed.data);
    revalidatePath("/account");
    return { ok: true, data: { first } };
  } catch (error) {
    return { ok: false, error: toPublicError(error, "startPlanAction") };
  }
}

export async function setPlanStatusAction(to: "ACTIVE" | "PAUSED" | "CANCELED"): Promise<ActionResult<null>> {
  try {
    const user = await signedIn();
    await setPlanStatus(user.id, to);
    revalidatePath("/account");
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: toPublicError(error, "setPlanStatusAction") };
  }
}

/** Removes the saved card (deleted at Toss) and ends the plan with it: nothing is charged after this. */
export async function removeCardAction(): Promise<ActionResult<null>> {
  try {
    const user = await signedIn();
    await removeCard(user.id);
    // Nothing is charged without a card: the plan and the top-up end with it (either may not exist).
    await setPlanStatus(user.id, "CANCELED").catch((error: unknown) => {
      if (!(error instanceof Error && "code" in error && (error as { code: string }).code === "NO_PLAN")) throw error;
    });
    await stopTopUp(user.id);
    revalidatePath("/account");
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: toPublicError(error, "removeCardAction") };
  }
}

const topUpSchema = z.object({
  productCode: z.string().min(1).max(40),
  thresholdCredits: z.coerce.number().int().min(1, "기준 크레딧은 1개 이상이어야 해요.").max(10_000, "기준 크레딧이 너무 커요."),
  agreementVersion: z.string().min(1).max(20),
  agree: z.literal("on", { error: "자동결제에 동의해 주세요." }),
});

/** Turns the threshold top-up on (only where AUTO_TOP_UP_ENABLED: Toss must approve it). */
export async function startTopUpAction(_: unknown, form: FormData): Promise<ActionResult<null>> {
  try {
    const user = await signedIn();
    const parsed = topUpSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) throw validationError(z.flattenError(parsed.error).fieldErrors);
    await startTopUp(user.id, parsed.data);
    revalidatePath("/account");
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: toPublicError(error, "startTopUpAction") };
  }
}

export async function stopTopUpAction(): Promise<ActionResult<null>> {
  try {
    const user = await signedIn();
    await stopTopUp(user.id);
    revalidatePath("/account");
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: toPublicError(error, "stopTopUpAction") };
  }
}

/**
 * The one-click cancel from a notice's link (no sign-in: the link's signature names the buyer and the plan).
 * A link that is not ours changes nothing.
 */
export async function cancelPlanFromLinkAction(token: string): Promise<ActionResult<{ outcome: "canceled" | "already" }>> {
  try {
    const outcome = typeof token === "string" && token.length <= 200 ? await cancelPlanFromLink(token) : "invalid";
    if (outcome === "invalid") {
      throw new AppError({ code: "INVALID_LINK", status: 400, userMessage: "해지 링크가 올바르지 않아요. 로그인한 뒤 내 크레딧 화면에서 해지해 주세요." });
    }
    // No revalidatePath: it would re-render this page as "already canceled" under the buyer's confirmation
    // (the account page is rendered per request anyway).
    return { ok: true, data: { outcome } };
  } catch (error) {
    return { ok: false, error: toPublicError(error, "cancelPlanFromLinkAction") };
  }
}

/** The buyer dismisses a notice on the account page. */
export async function dismissNoticeAction(id: string): Promise<ActionResult<null>> {
  try {
    const user = await signedIn();
    if (typeof id !== "string" || id.length > 64) throw validationError({ id: ["알림을 찾을 수 없어요."] });
    await dismissNotice(user.id, id);
    revalidatePath("/account");
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: toPublicError(error, "dismissNoticeAction") };
  }
}
