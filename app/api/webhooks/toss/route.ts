// POST /api/webhooks/toss: Toss's webhooks (PAYMENT_STATUS_CHANGED, DEPOSIT_CALLBACK, CANCEL_STATUS_CHANGED).
// 200 for every event handled or deliberately ignored; 4xx for bodies that are not Toss's; 5xx only for
// our own failures, so that Toss retries.
import { traced } from "@/lib/db-trace";
import { AppError, errorResponse } from "@/lib/errors";
import { readLimited } from "@/lib/http";
import { logEvent } from "@/lib/log";
import { reportError } from "@/lib/observability/report";
import { handleWebhook } from "@/lib/payments/webhooks/handle-webhook";
import { MAX_WEBHOOK_BODY_BYTES, parseWebhook } from "@/lib/payments/webhooks/parse-webhook";
import { jsonResponse } from "@/lib/json-response";

export const POST = traced("app POST /api/webhooks/toss", async (request: Request) => {
  const transmissionId = request.headers.get("tosspayments-webhook-transmission-id");
  try {
    const text = await readLimited(request, MAX_WEBHOOK_BODY_BYTES);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError({ code: "INVALID_JSON", status: 400, userMessage: "요청 형식이 올바르지 않아요." });
    }
    const event = parseWebhook(body);
    if (!event) {
      logEvent("warn", "webhook.unrecognised", { transmissionId });
      throw new AppError({ code: "INVALID_WEBHOOK", status: 400, userMessage: "알 수 없는 웹훅 형식이에요." });
    }
    const retried = Number(request.headers.get("tosspayments-webhook-transmission-retried-count") ?? 0);
    const outcome = await handleWebhook(event, {
      id: transmissionId && transmissionId.length <= 200 ? transmissionId : null,
      retriedCount: Number.isInteger(retried) && retried >= 0 ? retried : 0,
    });
    return jsonResponse({ ok: true, outcome });
  } catch (error) {
    const response = errorResponse(error, "POST /api/webhooks/toss", { transmissionId });
    // Toss retries a 5xx for days; an unexpected error is reported by errorResponse, an outage here.
    if (response.status === 503) reportError(error, "POST /api/webhooks/toss", { level: "warning" });
    return response;
  }
});
