// GET /api/admin/dashboard: operators only (404 otherwise): today's and this month's figures, stuck orders, failed webhooks, the last reconciliation.
import { getDashboard } from "@/lib/admin/get-dashboard";
import { requireApiOperator } from "@/lib/admin/operator";
import { errorResponse } from "@/lib/errors";

export async function GET() {
  try {
    await requireApiOperator();
    return Response.json(await getDashboard());
  } catch (error) {
    return errorResponse(error, "GET /api/admin/dashboard");
  }
}
