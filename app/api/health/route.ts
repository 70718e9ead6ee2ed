// GET /api/health — for an uptime monitor: 200 `{status, database, tossMode, version}` when the
// database answers within a second, 503 (with Retry-After) when it does not. No auth (a monitor has
// none) and nothing secret: the Toss mode and the app's version only.
import { databaseAnswers } from "@/lib/database-health";
import { DATABASE_RETRY_AFTER_S } from "@/lib/db-unavailable";
import { env } from "@/lib/env";
import { version } from "@/package.json";
import { jsonResponse } from "@/lib/json-response";

export async function GET() {
  const up = await databaseAnswers(1_000);
  return jsonResponse(
    { status: up ? "ok" : "unavailable", database: up ? "reachable" : "unreachable", tossMode: env.toss.mode, version },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store", ...(up ? {} : { "Retry-After": String(DATABASE_RETRY_AFTER_S) }) } },
  );
}
