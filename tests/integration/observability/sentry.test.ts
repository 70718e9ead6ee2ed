// Error reporting as an operator sets it up: SENTRY_DSN points at Sentry's ingest, here a local HTTP
// receiver standing in for it. A second production server of the same build runs with the DSN; an
// unexpected failure is made real in PostgreSQL (a trigger that refuses one order's move to PAID, its
// message full of things that must never leave: an e-mail, a card number, the Toss secret key and the
// cron secret). The report arrives tagged with the order and Toss's trace id, and carries none of them.
// The order is not lost: once the database accepts it again, reconciliation pays it, once.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { REPO_ROOT } from "../../helpers/checkout-copy";
import { signedInBuyer } from "../../helpers/http";
import { freePort, startNextServer, untilUp, type NextServer } from "../../helpers/next-server";
import { balanceOf, DEAD_WEBHOOK_URL, ledgerOf, orderRow, paidInWindow, routePaymentWebhooks } from "../../helpers/shop";
import { CRON_SECRET } from "../../helpers/toss-sandbox";
import { oneReconcilingFileAtATime } from "../../helpers/one-reconciling-file";

oneReconcilingFileAtATime();

interface Envelope {
  url: string;
  items: { header: Record<string, unknown>; payload: unknown; raw: string }[];
  raw: string;
}

/** Sentry's envelope endpoint: newline-delimited JSON, gzip when large. */
class IngestReceiver {
  envelopes: Envelope[] = [];
  private server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let body = Buffer.concat(chunks);
      if (request.headers["content-encoding"] === "gzip") body = gunzipSync(body);
      const raw = body.toString("utf8");
      const lines = raw.split("\n").filter(Boolean);
      const items: Envelope["items"] = [];
      for (let i = 1; i + 1 < lines.length; i += 2) {
        items.push({ header: JSON.parse(lines[i]!), payload: JSON.parse(lines[i + 1]!), raw: lines[i + 1]! });
      }
      this.envelopes.push({ url: request.url ?? "", items, raw });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });

  async listen(port: number) {
    await new Promise<void>((resolve) => this.server.listen(port, "127.0.0.1", resolve));
  }

  close() {
    this.server.close();
  }

  events(): { payload: Record<string, unknown>; raw: string }[] {
    return this.envelopes.flatMap((e) => e.items.filter((i) => i.header.type === "event")).map((i) => ({ payload: i.payload as Record<string, unknown>, raw: i.raw }));
  }

  async eventTagged(context: string, orderId: string, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events().find((e) => {
        const tags = e.payload.tags as Record<string, string> | undefined;
        return tags?.context === context && tags?.orderId === orderId;
      });
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no event for ${context} / ${orderId}; received: ${JSON.stringify(this.envelopes.map((e) => e.raw.slice(0, 300)))}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const PROJECT_ID = "4242";
const PUBLIC_KEY = "0123456789abcdef0123456789abcdef";
const CARD = "4330123456789012";

describe("with SENTRY_DSN set", () => {
  const receiver = new IngestReceiver();
  let server: NextServer;
  const triggers: string[] = [];

  beforeAll(async () => {
    const ingestPort = await freePort();
    await receiver.listen(ingestPort);
    server = startNextServer(await freePort(), {
      SENTRY_DSN: `http://${PUBLIC_KEY}@127.0.0.1:${ingestPort}/${PROJECT_ID}`,
      SENTRY_ENVIRONMENT: "test",
    });
    await untilUp(server, "/api/health");
  }, 60_000);

  afterAll(async () => {
    for (const name of triggers) {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON "Order"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
    }
    server?.stop();
    await server?.exited;
    receiver.close();
  });

  /** PostgreSQL refuses this order's move to PAID, with a message carrying what must never be sent. */
  async function refusePaid(orderId: string, email: string) {
    expect(orderId).toMatch(/^[\w-]+$/);
    const name = `refuse_paid_${orderId.replace(/\W/g, "_").toLowerCase()}`;
    const leak = `buyer ${email} card ${CARD} key ${env.toss.secretKey} cron ${CRON_SECRET}`.replace(/'/g, "");
    await db.$executeRawUnsafe(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by test: ${leak}'; END $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER ${name} BEFORE UPDATE ON "Order" FOR EACH ROW
      WHEN (NEW."orderId" = '${orderId}' AND NEW."status" = 'PAID'::"OrderStatus") EXECUTE FUNCTION ${name}()`);
    triggers.push(name);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "Order"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
      triggers.splice(triggers.indexOf(name), 1);
    };
  }

  function expectNothingSecret(raw: string, email: string) {
    for (const secret of [email, CARD, env.toss.secretKey, CRON_SECRET, env.nextAuthSecret]) expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/session-token|authorization|cookie/i);
  }

  it("an unexpected failure in confirm reaches Sentry tagged with the order and Toss's trace id, and nothing secret", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    const allow = await refusePaid(order.orderId, buyer.email);

    const response = await fetch(`${server.base}/api/payments/toss/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: buyer.client.cookieHeader() },
      body: JSON.stringify({ paymentKey: payment.paymentKey, orderId: order.orderId, amount: order.amount }),
    });
    expect(response.status).toBe(500);
    const answer = await response.text();
    expect(answer).toContain("INTERNAL_ERROR");
    expect(answer).not.toContain("refused by test");

    const event = await receiver.eventTagged("POST /api/payments/toss/confirm", order.orderId);
    const tags = event.payload.tags as Record<string, string>;
    expect(tags.tossTraceId).toMatch(/\S{8,}/);
    expect(event.payload.environment).toBe("test");
    expect(event.payload.level).toBe("error");
    expect(event.raw).toContain("refused by test");
    expectNothingSecret(event.raw, buyer.email);
    const ingest = new URL(receiver.envelopes[0]!.url, "http://receiver");
    expect(ingest.pathname).toBe(`/api/${PROJECT_ID}/envelope/`);
    expect(ingest.searchParams.get("sentry_key")).toBe(PUBLIC_KEY);

    // Nothing granted, nothing lost: the order waits for reconciliation with its confirm attempted.
    const row = await orderRow(order.orderId);
    expect(row.status).toBe("PENDING");
    expect(row.confirmAttemptedAt).not.toBeNull();
    expect(await balanceOf(buyer.userId)).toBe(0);

    // Reconciliation meets the same failure: reported with the order, and the run goes on.
    await db.order.update({ where: { orderId: order.orderId }, data: { confirmAttemptedAt: new Date(Date.now() - 60_000) } });
    const run = await fetch(`${server.base}/api/cron/reconcile`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(run.status).toBe(200);
    expect(((await run.json()) as { failed: number }).failed).toBeGreaterThanOrEqual(1);
    const reconcileEvent = await receiver.eventTagged("reconcile.confirm", order.orderId);
    expectNothingSecret(reconcileEvent.raw, buyer.email);

    // The database accepts it again: the next run pays the order, and grants once.
    await allow();
    const again = await fetch(`${server.base}/api/cron/reconcile`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(again.status).toBe(200);
    expect((await orderRow(order.orderId)).status).toBe("PAID");
    expect(await balanceOf(buyer.userId)).toBe(3);
    expect((await ledgerOf(buyer.userId)).filter((e) => e.kind === "GRANT")).toHaveLength(1);
  }, 60_000);

  it("a webhook we answer with a 5xx is reported (Toss will retry it)", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    // Toss has it DONE (our confirm reached it) but our database refuses to settle it. The sandbox's own
    // webhook of that confirm is kept away: racing this test's, it could settle the order first.
    await routePaymentWebhooks(order.orderId, DEAD_WEBHOOK_URL);
    await refusePaid(order.orderId, buyer.email);
    const confirmed = await fetch(`${server.base}/sandbox/toss/v1/payments/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${env.toss.secretKey}:`).toString("base64")}` },
      body: JSON.stringify({ paymentKey: payment.paymentKey, orderId: order.orderId, amount: order.amount }),
    });
    expect(confirmed.status).toBe(200);

    const response = await fetch(`${server.base}/api/webhooks/toss`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "tosspayments-webhook-transmission-id": `whtrans_${randomUUID()}`,
        "tosspayments-webhook-transmission-retried-count": "0",
        "tosspayments-webhook-transmission-time": new Date().toISOString(),
      },
      body: JSON.stringify({
        eventType: "PAYMENT_STATUS_CHANGED",
        createdAt: "2026-11-22T12:00:00.000000",
        data: { paymentKey: payment.paymentKey, orderId: order.orderId, status: "DONE", totalAmount: order.amount },
      }),
    });
    expect(response.status).toBe(500);
    const event = await receiver.eventTagged("POST /api/webhooks/toss", order.orderId);
    expect((event.payload.tags as Record<string, string>).tossTraceId).toMatch(/\S{8,}/);
    expectNothingSecret(event.raw, buyer.email);
    expect(await balanceOf(buyer.userId)).toBe(0);
  }, 60_000);
});

describe("with SENTRY_DSN unset", () => {
  it("the browser bundle holds nothing of Sentry", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith(".js")) files.push(full);
      }
    };
    walk(path.join(REPO_ROOT, ".next", "static"));
    expect(files.length).toBeGreaterThan(10);
    const withSentry = files.filter((file) => /sentry/i.test(readFileSync(file, "utf8")));
    expect(withSentry.map((f) => path.relative(REPO_ROOT, f))).toEqual([]);
  });
});
