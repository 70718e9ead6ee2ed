// GET /api/admin/exports/orders?from=YYYY-MM-DD&to=YYYY-MM-DD&kind=: operators only (404 otherwise): orders of those Seoul days (of one kind, or all) as CSV (UTF-8 with BOM).
import { exportOrdersCsv } from "@/lib/admin/export-orders-csv";
import { requireApiOperator } from "@/lib/admin/operator";
import { dateRangeSchema } from "@/lib/admin/schemas";
import { errorResponse, zodValidationError } from "@/lib/errors";

export async function GET(request: Request) {
  try {
    await requireApiOperator();
    const params = new URL(request.url).searchParams;
    const range = dateRangeSchema.safeParse({
      from: params.get("from") ?? undefined,
      to: params.get("to") ?? undefined,
      kind: params.get("kind") ?? undefined,
    });
    if (!range.success) throw zodValidationError(range.error.issues);
    const csv = await exportOrdersCsv(range.data);
    const kind = range.data.kind ? `-${range.data.kind.toLowerCase()}` : "";
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="orders${kind}-${range.data.from}_${range.data.to}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, "GET /api/admin/exports/orders");
  }
}
