// GET /api/credits: the signed-in user's balance and ledger entries, newest first.
import { getCredits } from "@/lib/credits/get-credits";
import { traced } from "@/lib/db-trace";
import { errorResponse } from "@/lib/errors";
import { requireApiSessionUserId, withApiUser } from "@/lib/http";

export const GET = traced("app GET /api/credits", async () => {
  try {
    const userId = await requireApiSessionUserId();
    return Response.json(await withApiUser(userId, getCredits), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/credits");
  }
});
