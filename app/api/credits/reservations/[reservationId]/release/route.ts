// POST /api/credits/reservations/{id}/release: gives every credit of the signed-in user's HELD reservation
// back to its lots. Releasing it again answers it as it is (`Idempotent-Replayed: true`); a captured one is 409.
import { publicSpend, reservationIdSchema } from "@/lib/credits/schemas";
import { creditErrors, releaseReservation } from "@/lib/credits/spend-credits";
import { getBalance } from "@/lib/credits/lots";
import { traced } from "@/lib/db-trace";
import { errorResponse } from "@/lib/errors";
import { requireApiSessionUserId } from "@/lib/http";
import { jsonResponse } from "@/lib/json-response";

export const POST = traced("app POST /api/credits/reservations/[reservationId]/release", async (_request: Request, { params }: { params: Promise<{ reservationId: string }> }) => {
  try {
    const userId = await requireApiSessionUserId();
    const id = reservationIdSchema.safeParse((await params).reservationId);
    if (!id.success) throw creditErrors.reservationNotFound();
    const { spend, created } = await releaseReservation({ userId, reservationId: id.data });
    return jsonResponse(
      { reservation: publicSpend(spend), balance: await getBalance(userId) },
      { headers: { "Cache-Control": "no-store", ...(created ? {} : { "Idempotent-Replayed": "true" }) } },
    );
  } catch (error) {
    return errorResponse(error, "POST /api/credits/reservations/[reservationId]/release");
  }
});
