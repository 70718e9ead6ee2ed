// kill -9 in the middle of confirms (issue 20): the production server, with the sandbox inside it, is
// killed with SIGKILL while buyers' confirms are in flight, restarted, and reconciled once past the
// deadlines. Whatever each request had done when it died (nothing, claimed the order, claimed Toss's
// Idempotency-Key, approved, answered), every payment the sandbox approved is PAID once, nothing
// unapproved is PAID, no order is left with its confirm's outcome unknown, and credits are exact. The same
// for automatic purchases (issue #23): top-ups started after spends' answers, killed between Toss's charge
// (held by the sandbox's "timeout" switch) and our settle, are each charged once and PAID once.
// Its own server and database (vitest.config.ts, the "crash" station): reconciliation here sees only
// this test's orders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { BILLING_AGREEMENT_VERSION } from "@/lib/billing/agreement";
import { saveRegisteredCard } from "@/lib/billing/cards";
import { AUTO_CHARGE_CLAIM_MS } from "@/lib/billing/charge-saved-card";
import { startTopUp } from "@/lib/billing/top-up";
import { grantOrderCredits } from "@/lib/credits/ledger";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CONFIRM_GRACE_MS } from "@/lib/payments/reconcile";
import { CLAIM_DEADLINE_MS } from "@/lib/toss-sandbox/idempotency";
import { STATIONS } from "../../../scripts/lib/test-env";
import { signedInBuyer, type SignedInBuyer } from "../../helpers/http";
import { startNextServer, untilUp, type NextServer } from "../../helpers/next-server";
import { createOrder } from "../../helpers/factories";
import { balanceOf, confirmOverHttp, DEAD_WEBHOOK_URL, forceNextConfirm, paidInWindow } from "../../helpers/shop";
import { registeredCard } from "../../helpers/toss-billing";
import { basicAuth, consoleApi, waitFor, type Merchant } from "../../helpers/toss-sandbox";

const BUYERS = 8;
const ORDERS_EACH = 4;
const CRON_SECRET = process.env.CRON_SECRET ?? "";

let server: NextServer;
const start = async () => {
  server = startNextServer(STATIONS.crash.port, {});
  await untilUp(server, "/api/health");
};

beforeAll(start, 60_000);
afterAll(async () => {
  server?.stop();
  await server?.exited;
});

describe("a server killed with SIGKILL while confirms are in flight", () => {
  it("settles every order after a restart and one reconciliation run: approved → PAID once, nothing else, credits exact", async () => {
    expect(process.env.TEST_APP_URL).toBe(server.base);
    const buyers: SignedInBuyer[] = await Promise.all(Array.from({ length: BUYERS }, () => signedInBuyer()));
    const purchases = (
      await Promise.all(buyers.map(async (buyer) => {
        const own = [];
        for (let i = 0; i < ORDERS_EACH; i++) own.push({ buyer, ...(await paidInWindow(buyer)) });
        return own;
      }))
    ).flat();
    // A few approve at once and hold their answer (Toss approved; the merchant has not heard yet) so
    // that the kill is sure to find some there, whatever the machine's speed.
    for (const { order } of purchases.slice(0, 4)) await forceNextConfirm(order.orderId, "timeout", 8_000);
    const orderIds = purchases.map((p) => p.order.orderId);

    // Every confirm at once; the kill lands as soon as the sandbox has approved one of them.
    const confirms = purchases.map(({ buyer, payment }) => confirmOverHttp(buyer, payment).then((r) => r.status, () => "killed" as const));
    await waitFor(async () => (await db.sandboxPayment.count({ where: { orderId: { in: orderIds }, status: "DONE" } })) > 0, 20_000, 5);
    server.kill();
    await server.exited;
    const answers = await Promise.all(confirms);
    expect(answers.filter((a) => a === "killed").length, `answers: ${answers.join(", ")}`).toBeGreaterThan(0);

    const before = await states(orderIds);
    // Some confirms died with their outcome unknown: the order claimed, Toss's side approved or not.
    expect(before.filter((s) => s.status === "PENDING" && s.confirmAttemptedAt).length, JSON.stringify(before)).toBeGreaterThan(0);

    await start();
    // One reconciliation run once past both deadlines: the sandbox's abandoned Idempotency-Key claims
    // (CLAIM_DEADLINE_MS) and the app's own grace for a confirm still running (CONFIRM_GRACE_MS).
    const lastAttempt = Math.max(...before.map((s) => s.confirmAttemptedAt?.getTime() ?? 0));
    const runAt = lastAttempt + Math.max(CONFIRM_GRACE_MS, CLAIM_DEADLINE_MS) + 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, runAt - Date.now())));
    const run = await fetch(`${server.base}/api/cron/reconcile`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(run.status).toBe(200);

    const after = await states(orderIds);
    const report = JSON.stringify({ before, after }, null, 1);
    // No outcome unknown: an order whose confirm was attempted is settled, one way or the other.
    expect(after.filter((s) => s.status === "PENDING" && s.confirmAttemptedAt), report).toEqual([]);
    // No Idempotency-Key left claimed by a request that died.
    const claimed = await db.sandboxIdempotencyKey.findMany({
      where: { status: "IN_FLIGHT", OR: orderIds.map((id) => ({ key: { startsWith: `confirm-${id}-` } })) },
      select: { key: true, createdAt: true },
    });
    expect(claimed, report).toEqual([]);
    for (const s of after) {
      // Approved by the sandbox ⇔ PAID here, and granted exactly once.
      expect(s.status === "PAID", report).toBe(s.sandboxStatus === "DONE");
      expect(s.grants, report).toBe(s.status === "PAID" ? 1 : 0);
    }
    // A confirm that never reached the app before the kill leaves its order open, unattempted, for
    // the buyer to pay again: nothing unknown about it.
    for (const s of after.filter((x) => x.status !== "PAID")) expect(s).toMatchObject({ status: "PENDING", confirmAttemptedAt: null });
    for (const buyer of buyers) {
      const paid = after.filter((s) => s.userId === buyer.userId && s.status === "PAID").length;
      expect(await balanceOf(buyer.userId), report).toBe(3 * paid);
      // One lot per paid order, each whole.
      const lots = await db.creditLot.findMany({ where: { userId: buyer.userId } });
      expect(lots.map((l) => [l.amount, l.remaining]), report).toEqual(Array.from({ length: paid }, () => [3, 3]));
    }
    expect(after.filter((s) => s.status === "PAID").length).toBeGreaterThan(0);
  }, 120_000);
});

describe("a server killed with SIGKILL between an automatic purchase's charge and its settle", () => {
  it("settles every top-up after a restart and one reconciliation run: each crossing charged once at Toss, PAID once here, credits exact", async () => {
    const keys = env.tossBilling!;
    const billingPair: Merchant = { id: "docs", clientKey: keys.clientKey, secretKey: keys.secretKey, authorization: basicAuth(keys.secretKey) };
    // Toss's webhooks of these charges go nowhere until the end: only our charge's answer, or
    // reconciliation, can settle them (a webhook would otherwise settle the held ones before the kill).
    await consoleApi("POST", "/merchants/docs", { webhookUrl: DEAD_WEBHOOK_URL });
    try {
      // Six buyers with a saved card, 5 credits and a top-up of a PRO pack under 3.
      const buyers = [];
      for (let i = 0; i < 6; i++) {
        const buyer = await signedInBuyer();
        const user = await db.user.findUniqueOrThrow({ where: { id: buyer.userId } });
        const card = await saveRegisteredCard(user.id, await registeredCard(billingPair, { customerKey: user.customerKey }));
        const pack = await createOrder(user.id, "PREMIUM_PACK");
        await db.$transaction((tx) => grantOrderCredits(tx, pack));
        await startTopUp(user.id, { productCode: "PRO_PACK", thresholdCredits: 3, agreementVersion: BILLING_AGREEMENT_VERSION });
        buyers.push({ buyer, user, cardId: card.id });
      }
      // Four of the cards: Toss approves their next charge and holds the answer, so the kill finds
      // those top-ups charged at Toss and not yet settled here.
      for (const { cardId } of buyers.slice(0, 4)) {
        const { billingKey } = await db.billingCard.findUniqueOrThrow({ where: { id: cardId } });
        const held = await consoleApi("POST", `/billing-keys/${encodeURIComponent(billingKey)}/next-charge`, { nextCharge: "timeout", delayMs: 20_000 });
        expect(held.status).toBe(200);
      }
      const userIds = buyers.map((b) => b.user.id);
      const customerKeys = buyers.map((b) => b.user.customerKey);

      // Each spends 3 over HTTP: 2 left, under 3, and the top-up starts after the answer.
      const spends = await Promise.all(
        buyers.map(({ buyer }) => buyer.client.postJson("/api/credits/spend", { amount: 3, reason: "작업" }, { "Idempotency-Key": randomUUID() })),
      );
      expect(spends.map((r) => r.status)).toEqual(Array(6).fill(201));
      // Every top-up charged at Toss, then the kill: the four held are between the charge and the settle.
      await waitFor(async () => (await db.sandboxPayment.count({ where: { customerKey: { in: customerKeys }, status: "DONE" } })) === 6, 20_000, 20);
      server.kill();
      await server.exited;

      const before = await db.order.findMany({ where: { userId: { in: userIds }, kind: "TOP_UP" }, select: { orderId: true, status: true, confirmAttemptedAt: true } });
      const unknown = before.filter((o) => o.status === "PENDING" && o.confirmAttemptedAt);
      expect(unknown.length, JSON.stringify(before)).toBeGreaterThanOrEqual(1);

      await start();
      // One reconciliation run once the dead callers' claims have lapsed: it sends each unknown charge
      // again under its Idempotency-Key, and Toss answers with the charge it already made.
      const lastClaim = Math.max(...unknown.map((o) => o.confirmAttemptedAt!.getTime()));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastClaim + AUTO_CHARGE_CLAIM_MS + 1000 - Date.now())));
      const run = await fetch(`${server.base}/api/cron/reconcile`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
      expect(run.status).toBe(200);

      const orders = await db.order.findMany({ where: { userId: { in: userIds }, kind: "TOP_UP" }, include: { creditLot: true } });
      const payments = await db.sandboxPayment.findMany({ where: { customerKey: { in: customerKeys } } });
      const report = JSON.stringify({ before, orders: orders.map((o) => [o.orderId, o.status, o.confirmAttemptedAt]), payments: payments.map((p) => [p.orderId, p.status]) });
      // One crossing each: one order, one charge at Toss, PAID once with its lot.
      expect(orders.length, report).toBe(6);
      expect(payments.length, report).toBe(6);
      for (const order of orders) {
        expect(order.status, report).toBe("PAID");
        expect(payments.filter((p) => p.orderId === order.orderId).map((p) => p.status), report).toEqual(["DONE"]);
        expect(order.creditLot?.amount, report).toBe(3);
        expect(await db.creditLedger.count({ where: { orderId: order.id, kind: "GRANT" } }), report).toBe(1);
      }
      for (const { user } of buyers) expect(await balanceOf(user.id), report).toBe(5);
    } finally {
      await consoleApi("POST", "/merchants/docs", { webhookUrl: null });
    }
  }, 150_000);
});

/** Each order as our database and the sandbox see it, with its credit grants. */
async function states(orderIds: string[]) {
  const [orders, payments, grants] = await Promise.all([
    db.order.findMany({ where: { orderId: { in: orderIds } }, select: { id: true, orderId: true, userId: true, status: true, confirmAttemptedAt: true } }),
    db.sandboxPayment.findMany({ where: { orderId: { in: orderIds } }, select: { orderId: true, status: true } }),
    db.creditLedger.groupBy({ by: ["orderId"], where: { kind: "GRANT", order: { orderId: { in: orderIds } } }, _count: true }),
  ]);
  const sandbox = new Map(payments.map((p) => [p.orderId, p.status]));
  const granted = new Map(grants.map((g) => [g.orderId, g._count]));
  return orders.map((o) => ({
    orderId: o.orderId,
    userId: o.userId,
    status: o.status,
    confirmAttemptedAt: o.confirmAttemptedAt,
    sandboxStatus: sandbox.get(o.orderId) ?? null,
    grants: granted.get(o.id) ?? 0,
  }));
}
