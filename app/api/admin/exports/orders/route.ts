// GET /api/admin/exports/orders?from=YYYY-MM-DD&to=YYYY-MM-DD: operators only (404 otherwise): orders of those Seoul days as CSV (UTF-8 with BOM).
import { exportOrdersCsv } from "@/lib/admin/export-orders-csv";
import { requireApiOperator } from "@/lib/admin/operator";
import { dateRangeSchema } from "@/lib/admin/schemas";
import { errorResponse, zodValidationError } from "@/lib/errors";

export async function GET(request: Request) {
  try {
    await requireApiOperator();
    const params = new URL(request.url).searchParams;
    const range = dateRangeSchema.safeParse({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
    if (!range.success) throw zodValidationError(range.error.issues);
    const csv = await exportOrdersCsv(range.data);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="orders-${range.data.from}_${range.data.to}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, "GET /api/admin/exports/orders");
  }
}
