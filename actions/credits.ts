"use server";
// The work credits unlock: a premium generation costs one credit, taken atomically.
import { after } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { topUpAfterSpend } from "@/lib/billing/top-up";
import { generatePremium, type PremiumResult } from "@/lib/credits/premium-generation";
import { toPublicError } from "@/lib/errors";
import { paymentErrors } from "@/lib/payments/errors";
import type { ActionResult } from "./payments";

/** `requestId`: the form's uuid for this generation, the same on a retry (charged once). */
export async function runPremiumGeneration(prompt: string, requestId: string): Promise<ActionResult<PremiumResult>> {
  try {
    const user = await getCurrentUser();
    if (!user) throw paymentErrors.unauthenticated();
    const result = await generatePremium(user.id, prompt, requestId);
    // Auto top-up (when on and the buyer has one) after the answer: the generation is not kept waiting.
    after(() => topUpAfterSpend(user.id));
    return { ok: true, data: result };
  } catch (error) {
    return { ok: false, error: toPublicError(error, "runPremiumGeneration") };
  }
}
