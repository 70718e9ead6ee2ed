// The purchase's database round trips and committed transactions, counted by the driver in the app
// server (lib/db-trace.ts, DB_TRACE_FILE set by scripts/test.ts) the same way `npm run bench` counts
// them (scripts/lib/bench/trace-summary.ts). Counts, never times: a query added to the payment path
// fails here. Budgets (issue #9): GET /api/credits 1; the app's confirm 3 (who the user is, claim the
// order, settle; Toss is the fourth wait), the webhook 3, the sandbox's confirm, lookup and cancel 3
// each, a purchase 8 commits.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimOrderForConfirm } from "@/lib/payments/claim-order";
import { settleFromToss } from "@/lib/payments/settle-payment";
import { CONFIRM_IN_FLIGHT_WAIT_MS } from "@/lib/payments/webhooks/already-settled";
import { tossPaymentSchema } from "@/lib/toss/schemas";
import { countByScope, readTrace, traceOffset, type ScopeCount } from "../../../scripts/lib/bench/trace-summary";
import { appIsUp, Client, signedInBuyer } from "../../helpers/http";
import { APP_MERCHANT, balanceOf, confirmOverHttp, orderRow, paidInWindow } from "../../helpers/shop";
import { confirm as confirmAtSandbox, consoleApi, waitFor } from "../../helpers/toss-sandbox";

const TRACE = process.env.TEST_DB_TRACE_FILE ?? "";

async function deliveredAll(orderId: string) {
  for (let i = 0; i < 200; i++) {
    const open = await db.sandboxWebhookDelivery.count({ where: { orderId, status: { in: ["PENDING", "SENDING"] } } });
    const receipts = await db.tossWebhookReceipt.count({ where: { orderId, processedAt: { not: null } } });
    if (open === 0 && receipts > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the webhooks of ${orderId} were not delivered`);
}

const only = (scopes: ScopeCount[], label: string) => scopes.filter((s) => s.label === label);

/** The sandbox's webhook brought the news: the order PAID once, Toss asked once, the webhook's round trips as given. */
async function expectSettledByWebhook(userId: string, orderId: string, offset: number, roundTrips: number) {
  await deliveredAll(orderId);
  expect((await orderRow(orderId)).status).toBe("PAID");
  expect(await balanceOf(userId)).toBe(3);
  const scopes = countByScope(readTrace(TRACE, offset));
  const report = JSON.stringify(scopes, null, 1);
  expect(only(scopes, "app POST /api/webhooks/toss").map((w) => w.roundTrips), report).toEqual([roundTrips]);
  expect(only(scopes, "sandbox lookup"), report).toHaveLength(1);
}

/** How the trace shows the statement of lib/payments/webhooks/already-settled.ts (its first 80 characters). */
const ALREADY_SETTLED_LOOKUP = 'WITH "named" AS ( SELECT "id", "orderId", "status", "confirmAttemptedAt"';

/** Toss's PAYMENT_STATUS_CHANGED as it is sent, to our webhook route, with a fresh transmission id. */
function postStatusChanged(payment: { paymentKey: string; orderId: string; amount: number }, status: string) {
  return new Client().postJson(
    "/api/webhooks/toss",
    { eventType: "PAYMENT_STATUS_CHANGED", createdAt: "2026-11-22T12:00:00.000000", data: { ...payment, totalAmount: payment.amount, status } },
    { "tosspayments-webhook-transmission-id": `whtrans_${randomUUID()}`, "tosspayments-webhook-transmission-retried-count": "0" },
  );
}

// Earlier tests leave webhook retries due later (to dead ports, of other orders): the sandbox's pump
// would deliver them in the middle of this count, and the app's webhooks and lookups of other orders
// would be counted as this purchase's. They are held back ten years while this file runs, then put back.
const HOLD = "interval '10 years'";
let held: string[] = [];

describe("round trips of a purchase", () => {
  beforeAll(async () => {
    if (!(await appIsUp())) throw new Error("the app server is not running (npm test starts it)");
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE "SandboxWebhookDelivery" SET "nextAttemptAt" = "nextAttemptAt" + ${HOLD} WHERE "status" = 'PENDING' RETURNING "id"`,
    );
    held = rows.map((r) => r.id);
  });

  afterAll(async () => {
    await db.$executeRawUnsafe(`UPDATE "SandboxWebhookDelivery" SET "nextAttemptAt" = "nextAttemptAt" - ${HOLD} WHERE "id" = ANY($1)`, held);
  });

  it("confirm, the sandbox's work and the webhook stay within their budgets", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    const offset = traceOffset(TRACE);
    const answer = await confirmOverHttp(buyer, payment);
    expect(answer.status).toBe(200);
    await deliveredAll(order.orderId);
    if (!existsSync(TRACE)) throw new Error(`no database trace at ${TRACE}: the app server must run with DB_TRACE_FILE (scripts/test.ts)`);
    expect(await balanceOf(buyer.userId)).toBe(3);

    const scopes = countByScope(readTrace(TRACE, offset));
    const [confirm] = only(scopes, "app POST /api/payments/toss/confirm");
    const [sandboxConfirm] = only(scopes, "sandbox confirm");
    const webhooks = only(scopes, "app POST /api/webhooks/toss");
    const lookups = only(scopes, "sandbox lookup");
    const report = JSON.stringify(scopes, null, 1);

    expect(confirm, report).toBeDefined();
    expect(confirm!.roundTrips, report).toBeLessThanOrEqual(3);
    expect(confirm!.commits, report).toBeLessThanOrEqual(3);
    expect(sandboxConfirm!.roundTrips, report).toBeLessThanOrEqual(3);
    expect(webhooks.length, report).toBeGreaterThan(0);
    for (const webhook of webhooks) expect(webhook.roundTrips, report).toBeLessThanOrEqual(3);
    for (const lookup of lookups) expect(lookup.roundTrips, report).toBeLessThanOrEqual(3);
    // Both sides and the webhook, after the responses included (the sandbox's webhook bookkeeping).
    const commits = [confirm!, sandboxConfirm!, ...webhooks, ...lookups].reduce((n, s) => n + s.commits, 0);
    expect(commits, report).toBeLessThanOrEqual(8);
  });

  it("a webhook with news our confirm already settled is one statement, and Toss is not asked again", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    await deliveredAll(order.orderId);
    const offset = traceOffset(TRACE);
    const response = await postStatusChanged(payment, "DONE");
    expect(await response.json()).toMatchObject({ ok: true, outcome: "UNCHANGED" });
    const scopes = countByScope(readTrace(TRACE, offset));
    const [webhook] = only(scopes, "app POST /api/webhooks/toss");
    const report = JSON.stringify(scopes, null, 1);
    expect(webhook, report).toBeDefined();
    expect(webhook!.queries, report).toBe(1);
    expect(webhook!.roundTrips, report).toBe(1);
    expect(webhook!.sql[0], report).toContain(ALREADY_SETTLED_LOOKUP);
    expect(only(scopes, "sandbox lookup"), report).toHaveLength(0);
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("a webhook with news we do not have yet (our confirm's answer lost) asks Toss, then settles: 2 round trips", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    const offset = traceOffset(TRACE);
    // Toss approved the payment, but our confirm never heard: the sandbox's webhook is the news.
    expect((await confirmAtSandbox(APP_MERCHANT, payment)).status).toBe(200);
    // The statement that found no settled order, then the settle after Toss's answer.
    await expectSettledByWebhook(buyer.userId, order.orderId, offset, 2);
  });

  /**
   * Our confirm has claimed the order and Toss has approved (its webhook on the way), but the confirm has
   * not settled yet: the race of the success page and Toss's webhook, played out in the test process with
   * the app's own claim and settle.
   */
  async function confirmInFlight() {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    const offset = traceOffset(TRACE);
    const claim = await claimOrderForConfirm(buyer.userId, payment);
    expect(claim.kind).toBe("claimed");
    const approved = await confirmAtSandbox(APP_MERCHANT, payment);
    expect(approved.status).toBe(200);
    // The sandbox's webhook has looked at the order while the confirm was still under way.
    await waitFor(() => readTrace(TRACE, offset).some((line) => line.label === "app POST /api/webhooks/toss" && line.sql.includes(ALREADY_SETTLED_LOOKUP)), 10_000);
    return { buyer, order, offset, claimed: claim.order, approved: tossPaymentSchema.parse(approved.body) };
  }

  it("a webhook racing our confirm waits for it, then is acknowledged without asking Toss: 2 statements", async () => {
    const { buyer, order, offset, claimed, approved } = await confirmInFlight();
    // The confirm's settle, a moment after the webhook arrived (well inside its wait).
    expect((await settleFromToss(claimed, approved, "confirm", null)).changed).toBe(true);
    await deliveredAll(order.orderId);
    const scopes = countByScope(readTrace(TRACE, offset));
    const webhooks = only(scopes, "app POST /api/webhooks/toss");
    const report = JSON.stringify(scopes, null, 1);
    expect(webhooks.map((w) => w.roundTrips), report).toEqual([2]);
    expect(webhooks[0]!.sql.every((sql) => sql.includes(ALREADY_SETTLED_LOOKUP)), report).toBe(true);
    expect(only(scopes, "sandbox lookup"), report).toHaveLength(0);
    const receipt = await db.tossWebhookReceipt.findFirstOrThrow({ where: { orderId: order.orderId } });
    expect(receipt.outcome).toBe("UNCHANGED");
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("a confirm that never settles after its claim: the webhook waits its while, then asks Toss and settles once", async () => {
    const { buyer, order, offset } = await confirmInFlight();
    // Nothing settles the order (the confirm's process died after Toss approved). Look, look again after
    // the wait, then the settle after Toss's answer: within the budget of 3.
    await expectSettledByWebhook(buyer.userId, order.orderId, offset, 3);
    const receipt = await db.tossWebhookReceipt.findFirstOrThrow({ where: { orderId: order.orderId } });
    expect(receipt.outcome).toBe("SETTLED");
  });

  it("a claim older than the wait is not waited for: the webhook asks Toss at once", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    const claim = await claimOrderForConfirm(buyer.userId, payment);
    expect(claim.kind).toBe("claimed");
    // The confirm claimed the order longer ago than the wait (Toss's answer to it was lost).
    await db.$executeRaw`UPDATE "Order" SET "confirmAttemptedAt" = "confirmAttemptedAt" - make_interval(secs => ${(CONFIRM_IN_FLIGHT_WAIT_MS + 1000) / 1000}::float8) WHERE "orderId" = ${order.orderId}`;
    const offset = traceOffset(TRACE);
    expect((await confirmAtSandbox(APP_MERCHANT, payment)).status).toBe(200);
    await expectSettledByWebhook(buyer.userId, order.orderId, offset, 2);
  });

  it("a virtual account's deposit is news: Toss is asked at once, no statement spent looking for it", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer, { methodKey: "VIRTUAL_ACCOUNT" });
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    await deliveredAll(order.orderId);
    const offset = traceOffset(TRACE);
    expect((await consoleApi("POST", `/payments/${order.orderId}/deposit`)).status).toBe(200);
    await waitFor(async () => (await orderRow(order.orderId)).status === "PAID", 15_000);
    await deliveredAll(order.orderId);
    expect(await balanceOf(buyer.userId)).toBe(3);
    const scopes = countByScope(readTrace(TRACE, offset));
    const webhooks = only(scopes, "app POST /api/webhooks/toss");
    const report = JSON.stringify(webhooks, null, 1);
    expect(webhooks.length, report).toBeGreaterThan(0);
    for (const webhook of webhooks) {
      expect(webhook.sql.filter((sql) => sql.includes(ALREADY_SETTLED_LOOKUP)), report).toEqual([]);
      expect(webhook.roundTrips, report).toBeLessThanOrEqual(3);
    }
  });

  it("GET /api/credits is one statement: the user's existence, balance and entries together", async () => {
    const buyer = await signedInBuyer();
    const { payment } = await paidInWindow(buyer);
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    const offset = traceOffset(TRACE);
    const response = await buyer.client.fetch("/api/credits");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ balance: 3, entries: [{ kind: "GRANT", amount: 3 }] });
    const [credits] = only(countByScope(readTrace(TRACE, offset)), "app GET /api/credits");
    const report = JSON.stringify(credits, null, 1);
    expect(credits, report).toBeDefined();
    expect(credits!.queries, report).toBe(1);
    expect(credits!.roundTrips, report).toBe(1);
  });

  it("the sandbox's cancel stays within 3 round trips, its answer stored in the cancelling statement", async () => {
    const buyer = await signedInBuyer();
    const { order, payment } = await paidInWindow(buyer);
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    await deliveredAll(order.orderId);
    const offset = traceOffset(TRACE);
    const refund = await buyer.client.postJson(`/api/orders/${order.orderId}/refund`, {});
    expect(refund.status).toBe(200);
    const [cancel] = only(countByScope(readTrace(TRACE, offset)), "sandbox cancel");
    const report = JSON.stringify(cancel, null, 1);
    expect(cancel, report).toBeDefined();
    expect(cancel!.roundTrips, report).toBeLessThanOrEqual(3);
  });
});
