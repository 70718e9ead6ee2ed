// POST /api/credits/spend {amount, reason} with an Idempotency-Key header: spends the signed-in user's
// credits (bonus first, then those that expire first), once per key. 201 with the spend and the balance
// after it; a repeat of the key answers the first spend with 200 and `Idempotent-Replayed: true`; the
// same key with another amount is 409 IDEMPOTENCY_KEY_REUSED; too few credits is 409
// INSUFFICIENT_CREDITS with the balance, nothing changed.
import { idempotencyKeyOf, publicSpend, spendInputSchema } from "@/lib/credits/schemas";
import { spendCredits } from "@/lib/credits/spend-credits";
import { after } from "next/server";
import { topUpAfterSpend } from "@/lib/billing/top-up";
import { traced } from "@/lib/db-trace";
import { errorResponse } from "@/lib/errors";
import { readJson, requireApiSessionUserId } from "@/lib/http";
import { jsonResponse } from "@/lib/json-response";

export const POST = traced("app POST /api/credits/spend", async (request: Request) => {
  try {
    const userId = await requireApiSessionUserId();
    const idempotencyKey = idempotencyKeyOf(request);
    const input = await readJson(request, spendInputSchema);
    const { spend, created } = await spendCredits({ userId, idempotencyKey, ...input });
    // Auto top-up (when on and the buyer has one) after the answer: the spend is not kept waiting.
    if (created) after(() => topUpAfterSpend(userId));
    return jsonResponse(
      { spend: publicSpend(spend), balance: spend.balanceAfter },
      { status: created ? 201 : 200, headers: { "Cache-Control": "no-store", ...(created ? {} : { "Idempotent-Replayed": "true" }) } },
    );
  } catch (error) {
    return errorResponse(error, "POST /api/credits/spend");
  }
});
