// Sends one attempt of a delivery. A sender first claims the delivery with a conditional update
// (PENDING and due, or SENDING with a lapsed lease), so two runners on two instances never send the
// same attempt twice. Only HTTP 200 within 10 seconds counts; anything else schedules the next retry.
import "server-only";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { db, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { SandboxWebhookDelivery } from "@/lib/generated/prisma/client";
import { defaultWebhookUrl } from "../merchants";
import { toKstIso } from "../time";
import { isDelivered, nextAttemptAt, WEBHOOK_TIMEOUT_MS } from "./schedule";
import { guardedLookup, isPublicAddress, WebhookTargetRefused } from "./target";

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

/**
 * Deliveries this instance inserted already claimed (SENDING, leased: lib/toss-sandbox/transition.ts)
 * for its own request to send right away: their first send needs no claim of its own. If the instance
 * dies first, the lease lapses and the next run sends them like any other.
 */
const claimedAtInsert = new Map<string, Claimed>();

export function rememberClaimedAtInsert(delivery: Claimed): void {
  claimedAtInsert.set(delivery.id, delivery);
}

/** How long a send may take before another runner may take the delivery over. */
export const DELIVERY_LEASE_MS = LEASE_MS;

export type Claimed = Pick<SandboxWebhookDelivery, "id" | "merchantId" | "body" | "attempts" | "transmissionId"> & {
  webhookUrl: string | null;
  timeScale: number | null;
};

/** The claim and the merchant's settings in one statement (UPDATE … RETURNING, no read-back). */
async function claim(id: string, now: Date): Promise<Claimed | null> {
  const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "SandboxWebhookDelivery" d
    SET "status" = 'SENDING', "leaseUntil" = ${utc(new Date(now.getTime() + LEASE_MS))}, "updatedAt" = ${utc(now)}
    WHERE d."id" = ${id}
      AND ((d."status" = 'PENDING' AND d."nextAttemptAt" <= ${utc(now)}) OR (d."status" = 'SENDING' AND d."leaseUntil" < ${utc(now)}))
    RETURNING d."id", d."merchantId", d."body", d."attempts", d."transmissionId",
      COALESCE((SELECT p."webhookUrl" FROM "SandboxPayment" p WHERE p."id" = d."paymentId"),
               (SELECT m."webhookUrl" FROM "SandboxMerchant" m WHERE m."id" = d."merchantId")) AS "webhookUrl",
      (SELECT m."timeScale" FROM "SandboxMerchant" m WHERE m."id" = d."merchantId") AS "timeScale"`;
  return rows[0] ?? null;
}

/**
 * One POST with node:http(s), whose `lookup` lets the target check see the addresses actually
 * connected to (fetch cannot), with no redirect followed and Toss's 10-second limit. `checked`: the
 * URL was set from the console (anyone with access there); the operator's own configuration
 * (TOSS_SANDBOX_WEBHOOK_URL, the app's route) is not second-guessed.
 */
function post(target: string, body: string, headers: Record<string, string>, checked: boolean): Promise<{ status: number | null; snippet: string }> {
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const lookup = checked ? guardedLookup(url) : undefined;
  if (lookup && net.isIP(host) && !isPublicAddress(host)) {
    return Promise.resolve({ status: null, snippet: `refused: ${host} is not a public address` });
  }
  return new Promise((resolve) => {
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers },
      lookup,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        if (text.length < BODY_SNIPPET) text += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? null, snippet: text.slice(0, BODY_SNIPPET) }));
      response.on("error", () => resolve({ status: response.statusCode ?? null, snippet: text.slice(0, BODY_SNIPPET) }));
    });
    request.on("error", (error: Error) => {
      const timedOut = error.name === "TimeoutError" || error.name === "AbortError";
      const refused = error instanceof WebhookTargetRefused;
      resolve({
        status: null,
        snippet: timedOut ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : refused ? error.message : `network error: ${error.message}`,
      });
    });
    request.end(body);
  });
}

export type AttemptOutcome = "DELIVERED" | "RETRY" | "FAILED";

/** Claims and sends one due attempt; null when the delivery was not due or someone else has it. */
export async function deliverNow(id: string): Promise<AttemptOutcome | null> {
  const fresh = claimedAtInsert.get(id);
  claimedAtInsert.delete(id);
  const delivery = fresh ?? (await claim(id, new Date()));
  if (!delivery) return null;
  const settings = {
    webhookUrl: delivery.webhookUrl,
    effectiveWebhookUrl: delivery.webhookUrl ?? defaultWebhookUrl(),
    timeScale: delivery.timeScale ?? env.sandbox.timeScale,
  };
  const target = targetOf(settings.effectiveWebhookUrl);
  const sentAt = new Date();
  const answer = await post(target.url, delivery.body, {
    "tosspayments-webhook-transmission-time": toKstIso(sentAt),
    "tosspayments-webhook-transmission-retried-count": String(delivery.attempts),
    "tosspayments-webhook-transmission-id": delivery.transmissionId,
  }, settings.webhookUrl !== null);

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
