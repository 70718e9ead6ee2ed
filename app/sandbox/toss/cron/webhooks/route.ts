// GET /sandbox/toss/cron/webhooks — sends due webhook retries and expires closed payment windows.
// Authorised like Vercel Cron: `Authorization: Bearer <CRON_SECRET>`.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { sandboxRoute } from "@/lib/toss-sandbox/mode";
import { runDueDeliveries } from "@/lib/toss-sandbox/webhooks/run-due";
import { jsonResponse } from "@/lib/json-response";

function authorised(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${env.cronSecret}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const GET = sandboxRoute(async (request: Request) => {
  if (!authorised(request.headers.get("authorization"))) {
    return jsonResponse({ code: "UNAUTHORIZED", message: "CRON_SECRET이 필요합니다." }, { status: 401 });
  }
  return jsonResponse(await runDueDeliveries({ limit: 100 }));
});
