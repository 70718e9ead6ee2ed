// POST /api/credits/reservations/{id}/capture {amount?}: consumes `amount` (default: all) of the signed-in
// user's HELD reservation and gives the rest back to its lots. A repeat of the same capture answers it
// again (`Idempotent-Replayed: true`); another amount, or a released or expired reservation, is 409.
import { captureInputSchema, publicSpend, reservationIdSchema } from "@/lib/credits/schemas";
import { captureReservation, creditErrors } from "@/lib/credits/spend-credits";
import { getBalance } from "@/lib/credits/lots";
import { traced } from "@/lib/db-trace";
import { errorResponse } from "@/lib/errors";
import { readJson, requireApiSessionUserId } from "@/lib/http";
import { jsonResponse } from "@/lib/json-response";

export const POST = traced("app POST /api/credits/reservations/[reservationId]/capture", async (request: Request, { params }: { params: Promise<{ reservationId: string }> }) => {
  try {
    const userId = await requireApiSessionUserId();
    const id = reservationIdSchema.safeParse((await params).reservationId);
    if (!id.success) throw creditErrors.reservationNotFound();
    const input = await readJson(request, captureInputSchema, { allowEmpty: true });
    const { spend, created } = await captureReservation({ userId, reservationId: id.data, amount: input.amount });
    return jsonResponse(
      { reservation: publicSpend(spend), balance: await getBalance(userId) },
      { headers: { "Cache-Control": "no-store", ...(created ? {} : { "Idempotent-Replayed": "true" }) } },
    );
  } catch (error) {
    return errorResponse(error, "POST /api/credits/reservations/[reservationId]/capture");
  }
});
