// GET /api/credits: the signed-in user's balance and ledger entries, newest first. One round trip.
import { getCreditsOfExistingUser } from "@/lib/credits/get-credits";
import { traced } from "@/lib/db-trace";
import { errorResponse } from "@/lib/errors";
import { requireApiSessionUserId, unauthenticated } from "@/lib/http";
import { jsonResponse } from "@/lib/json-response";

export const GET = traced("app GET /api/credits", async () => {
  try {
    const userId = await requireApiSessionUserId();
    // The user's existence, balance and entries in one statement (a session outlives a deleted account).
    const credits = await getCreditsOfExistingUser(userId);
    if (!credits) throw unauthenticated();
    return jsonResponse(credits, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/credits");
  }
});
