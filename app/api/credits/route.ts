// GET /api/credits: the signed-in user's balance and ledger entries, newest first.
import { getCredits } from "@/lib/credits/get-credits";
import { errorResponse } from "@/lib/errors";
import { requireApiUser } from "@/lib/http";

export async function GET() {
  try {
    const user = await requireApiUser();
    return Response.json(await getCredits(user.id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/credits");
  }
}
