"use server";
// The work credits unlock: a premium generation costs one credit, taken atomically.
import { getCurrentUser } from "@/lib/auth/session";
import { generatePremium, type PremiumResult } from "@/lib/credits/premium-generation";
import { toPublicError } from "@/lib/errors";
import { paymentErrors } from "@/lib/payments/errors";
import type { ActionResult } from "./payments";

/** `requestId`: the form's uuid for this generation, the same on a retry (charged once). */
export async function runPremiumGeneration(prompt: string, requestId: string): Promise<ActionResult<PremiumResult>> {
  try {
    const user = await getCurrentUser();
    if (!user) throw paymentErrors.unauthenticated();
    return { ok: true, data: await generatePremium(user.id, prompt, requestId) };
  } catch (error) {
    return { ok: false, error: toPublicError(error, "runPremiumGeneration") };
  }
}
