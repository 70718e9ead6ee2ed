// Sends one attempt of a delivery. A sender first claims the delivery with a conditional update
// (PENDING and due, or SENDING with a lapsed lease), so two runners on two instances never send the
// same attempt twice. Only HTTP 200 within 10 seconds counts; anything else schedules the next retry.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getMerchantSettings } from "../merchants";
import { toKstIso } from "../time";
import { isDelivered, nextAttemptAt, WEBHOOK_TIMEOUT_MS } from "./schedule";

const LEASE_MS = WEBHOOK_TIMEOUT_MS + 20_000;
const BODY_SNIPPET = 500;

/** The URL to send to, and the same URL as safe to show (no bypass secret). */
function targetOf(configured: string): { url: string; shown: string } {
  const bypass = env.vercelBypassSecret;
  if (!bypass || new URL(configured).origin !== new URL(env.appUrl).origin) return { url: configured, shown: configured };
  const url = new URL(configured);
  url.searchParams.set("x-vercel-protection-bypass", bypass);
  const shown = new URL(configured);
  shown.searchParams.set("x-vercel-protection-bypass", "[secret]");
  return { url: url.toString(), shown: shown.toString() };
}

async function claim(id: string, now: Date) {
  const { count } = await db.sandboxWebhookDelivery.updateMany({
    where: {
      id,
      OR: [
        { status: "PENDING", nextAttemptAt: { lte: now } },
        { status: "SENDING", leaseUntil: { lt: now } },
      ],
    },
    data: { status: "SENDING", leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1 ? db.sandboxWebhookDelivery.findUnique({ where: { id } }) : null;
}

async function post(url: string, body: string, headers: Record<string, string>) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      cache: "no-store",
    });
    const text = await response.text().catch(() => "");
    return { status: response.status, snippet: text.slice(0, BODY_SNIPPET) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { status: null, snippet: timedOut ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : `network error${cause}` };
  }
}

export type AttemptOutcome = "DELIVERED" | "RETRY" | "FAILED";

/** Claims and sends one due attempt; null when the delivery was not due or someone else has it. */
export async function deliverNow(id: string): Promise<AttemptOutcome | null> {
  const delivery = await claim(id, new Date());
  if (!delivery) return null;
  const settings = await getMerchantSettings(delivery.merchantId);
  const target = targetOf(settings.effectiveWebhookUrl);
  const sentAt = new Date();
  const answer = await post(target.url, delivery.body, {
    "tosspayments-webhook-transmission-time": toKstIso(sentAt),
    "tosspayments-webhook-transmission-retried-count": String(delivery.attempts),
    "tosspayments-webhook-transmission-id": delivery.transmissionId,
  });

  const attempts = delivery.attempts + 1;
  const delivered = isDelivered(answer.status);
  const next = delivered ? null : nextAttemptAt(attempts, new Date(), settings.timeScale);
  const outcome: AttemptOutcome = delivered ? "DELIVERED" : next ? "RETRY" : "FAILED";
  await db.sandboxWebhookDelivery.updateMany({
    where: { id, status: "SENDING", attempts: delivery.attempts },
    data: {
      status: outcome === "RETRY" ? "PENDING" : outcome,
      attempts,
      nextAttemptAt: next,
      leaseUntil: null,
      lastAttemptAt: sentAt,
      lastUrl: target.shown,
      lastResponseStatus: answer.status,
      lastResponseBody: answer.snippet,
    },
  });
  return outcome;
}
