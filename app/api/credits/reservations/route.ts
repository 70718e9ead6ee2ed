// POST /api/credits/reservations {amount, reason, ttlSeconds?} with an Idempotency-Key header: holds the
// signed-in user's credits for a job. They leave the balance now; capture consumes them (or part), release
// gives them back, and past `ttlSeconds` (default 600) the reconcile cron gives them back. Same key rules
// and answers as POST /api/credits/spend.
import { idempotencyKeyOf, publicSpend, reserveInputSchema } from "@/lib/credits/schemas";
import { reserveCredits } from "@/lib/credits/spend-credits";
import { after } from "next/server";
import { topUpAfterSpend } from "@/lib/billing/top-up";
import { traced } from "@/lib/db-trace";
import { errorResponse } from "@/lib/errors";
import { readJson, requireApiSessionUserId } from "@/lib/http";
import { jsonResponse } from "@/lib/json-response";

export const POST = traced("app POST /api/credits/reservations", async (request: Request) => {
  try {
    const userId = await requireApiSessionUserId();
    const idempotencyKey = idempotencyKeyOf(request);
    const input = await readJson(request, reserveInputSchema);
    const { spend, created } = await reserveCredits({ userId, idempotencyKey, ...input });
    // Auto top-up (when on and the buyer has one) after the answer: the spend is not kept waiting.
    if (created) after(() => topUpAfterSpend(userId));
    return jsonResponse(
      { reservation: publicSpend(spend), balance: spend.balanceAfter },
      { status: created ? 201 : 200, headers: { "Cache-Control": "no-store", ...(created ? {} : { "Idempotent-Replayed": "true" }) } },
    );
  } catch (error) {
    return errorResponse(error, "POST /api/credits/reservations");
  }
});
