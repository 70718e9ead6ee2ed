// GET /api/admin/dashboard: operators only (404 otherwise): today's and this month's figures, stuck orders, failed webhooks, the last reconciliation.
import { getDashboard } from "@/lib/admin/get-dashboard";
import { requireApiOperator } from "@/lib/admin/operator";
import { errorResponse } from "@/lib/errors";
import { jsonResponse } from "@/lib/json-response";

export async function GET() {
  try {
    await requireApiOperator();
    return jsonResponse(await getDashboard());
  } catch (error) {
    return errorResponse(error, "GET /api/admin/dashboard");
  }
}
