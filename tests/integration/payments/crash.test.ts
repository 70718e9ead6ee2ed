// kill -9 in the middle of confirms (issue 20): the production server, with the sandbox inside it, is
// killed with SIGKILL while buyers' confirms are in flight, restarted, and reconciled once past the
// deadlines. Whatever each request had done when it died (nothing, claimed the order, claimed Toss's
// Idempotency-Key, approved, answered), every payment the sandbox approved is PAID once, nothing
// unapproved is PAID, no order is left with its confirm's outcome unknown, and credits are exact.
// Its own server and database (vitest.config.ts, the "crash" station): reconciliation here sees only
// this test's orders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CONFIRM_GRACE_MS } from "@/lib/payments/reconcile";
import { CLAIM_DEADLINE_MS } from "@/lib/toss-sandbox/idempotency";
import { STATIONS } from "../../../scripts/lib/test-env";
import { signedInBuyer, type SignedInBuyer } from "../../helpers/http";
import { startNextServer, untilUp, type NextServer } from "../../helpers/next-server";
import { balanceOf, confirmOverHttp, forceNextConfirm, paidInWindow } from "../../helpers/shop";
import { waitFor } from "../../helpers/toss-sandbox";

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
