// Garbage, oversized and unauthorised requests on every payment route: a 4xx with a code and a Korean
// message, and nothing changed.
import { beforeAll, describe, expect, it } from "vitest";
import { grantOrderCredits } from "@/lib/credits/ledger";
import { reserveCredits } from "@/lib/credits/spend-credits";
import { db } from "@/lib/db";
import { createOrder } from "@/lib/payments/create-order";
import { APP_URL, Client, signedInBuyer, type SignedInBuyer } from "../../helpers/http";
import { createOrder as createOrderRow, createUser } from "../../helpers/factories";
import { oneReconcilingFileAtATime } from "../../helpers/one-reconciling-file";

oneReconcilingFileAtATime();

let buyer: SignedInBuyer;
beforeAll(async () => {
  buyer = await signedInBuyer();
});

async function expectRefused(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[가-힣]/);
}

const huge = JSON.stringify({ product: "PRO_PACK", pad: "x".repeat(200_000) });

describe("POST /api/orders", () => {
  it("needs a signed-in user", async () => {
    await expectRefused(await new Client().postJson("/api/orders", { product: "PRO_PACK" }), 401, "UNAUTHENTICATED");
  });

  it.each([
    ["malformed JSON", "{product:", 400, "INVALID_JSON"],
    ["a missing product", {}, 400, "VALIDATION_FAILED"],
    ["a number product", { product: 3 }, 400, "VALIDATION_FAILED"],
    ["an unknown product", { product: "FREE_PACK" }, 404, "PRODUCT_NOT_FOUND"],
    ["a price from the client is ignored, not trusted", { product: "PRO_PACK", amount: 1 }, 201, undefined],
    ["an oversized body", huge, 413, "BODY_TOO_LARGE"],
  ])("%s", async (_, body, status, code) => {
    const before = await db.order.count({ where: { userId: buyer.userId } });
    const response = await buyer.client.postJson("/api/orders", body);
    if (status === 201) {
      expect(response.status).toBe(201);
      expect(((await response.json()) as { amount: number }).amount).toBe(3000);
      return;
    }
    await expectRefused(response, status, code);
    expect(await db.order.count({ where: { userId: buyer.userId } })).toBe(before);
  });
});

describe("POST /api/payments/toss/confirm", () => {
  it.each([
    ["malformed JSON", "not json", 400, "INVALID_JSON"],
    ["a missing paymentKey", { orderId: "ord_aaaaaa", amount: 3000 }, 400, "VALIDATION_FAILED"],
    ["a bad orderId", { paymentKey: "pk", orderId: "a b", amount: 3000 }, 400, "VALIDATION_FAILED"],
    ["a fractional amount", { paymentKey: "pk", orderId: "ord_aaaaaa", amount: 3000.5 }, 400, "VALIDATION_FAILED"],
    ["an unknown order", { paymentKey: "pk", orderId: "ord_doesnotexist", amount: 3000 }, 404, "ORDER_NOT_FOUND"],
    ["an oversized body", huge, 413, "BODY_TOO_LARGE"],
  ])("%s", async (_, body, status, code) => {
    await expectRefused(await buyer.client.postJson("/api/payments/toss/confirm", body), status, code);
  });

  it("needs a signed-in user", async () => {
    await expectRefused(await new Client().postJson("/api/payments/toss/confirm", { paymentKey: "pk", orderId: "ord_aaaaaa", amount: 1 }), 401);
  });

  it("answers another user's order as not found and changes nothing", async () => {
    const owner = await signedInBuyer();
    const { orderId } = await createOrder(owner.userId, "PRO_PACK");
    await expectRefused(await buyer.client.postJson("/api/payments/toss/confirm", { paymentKey: "pk_x", orderId, amount: 3000 }), 404, "ORDER_NOT_FOUND");
    const order = await db.order.findUniqueOrThrow({ where: { orderId } });
    expect(order).toMatchObject({ status: "PENDING", paymentKey: null, confirmAttemptedAt: null });
  });
});

describe("GET /api/orders/{orderId} and /api/credits", () => {
  it("shows an order to its owner only", async () => {
    const owner = await signedInBuyer();
    const { orderId } = await createOrder(owner.userId, "PRO_PACK");
    const mine = await owner.client.fetch(`/api/orders/${orderId}`);
    expect(mine.status).toBe(200);
    const { order } = (await mine.json()) as { order: Record<string, unknown> };
    expect(order).toMatchObject({ orderId, status: "PENDING", amount: 3000, statusLabel: "결제 대기" });
    expect(JSON.stringify(order)).not.toMatch(/depositSecret|paymentKey|userId/);
    await expectRefused(await buyer.client.fetch(`/api/orders/${orderId}`), 404, "ORDER_NOT_FOUND");
    await expectRefused(await buyer.client.fetch(`/api/orders/${encodeURIComponent("../x")}`), 404, "ORDER_NOT_FOUND");
  });

  it("gives the balance and entries of the signed-in user", async () => {
    const response = await buyer.client.fetch("/api/credits");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ balance: 0, held: 0, nextExpiry: null, lots: [], entries: [] });
    await expectRefused(await new Client().fetch("/api/credits"), 401);
  });
});

describe("POST /api/webhooks/toss", () => {
  it.each([
    ["malformed JSON", "{", 400, "INVALID_JSON"],
    ["an unknown shape", { hello: "world" }, 400, "INVALID_WEBHOOK"],
    ["an oversized body", JSON.stringify({ eventType: "PAYMENT_STATUS_CHANGED", data: { paymentKey: "x".repeat(100_000) } }), 413, "BODY_TOO_LARGE"],
  ])("refuses %s", async (_, body, status, code) => {
    await expectRefused(await new Client().postJson("/api/webhooks/toss", body), status, code);
  });

  it("answers 200 to events it does not handle, so Toss does not retry them", async () => {
    const response = await new Client().postJson("/api/webhooks/toss", { eventType: "PAYOUT_STATUS_CHANGED", data: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "IGNORED" });
  });
});

describe("GET /api/cron/reconcile", () => {
  it.each([
    ["no Authorization", undefined],
    ["a wrong secret", "Bearer wrong-secret"],
    ["the secret without Bearer", process.env.CRON_SECRET],
  ])("refuses %s", async (_, authorization) => {
    const response = await fetch(`${APP_URL}/api/cron/reconcile`, { headers: authorization ? { authorization } : {} });
    expect(response.status).toBe(401);
  });

  it("runs with Vercel Cron's Bearer token, and gives back lapsed holds and expires lapsed lots", async () => {
    const user = await createUser();
    const order = await createOrderRow(user.id, "PREMIUM_PACK");
    await db.$transaction((tx) => grantOrderCredits(tx, order));
    const { spend: hold } = await reserveCredits({ userId: user.id, amount: 2, idempotencyKey: `k-${order.id}`, reason: "job" });
    await db.creditSpend.update({ where: { id: hold.id }, data: { heldUntil: new Date(Date.now() - 1000) } });
    await db.creditLot.update({ where: { orderId: order.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const response = await fetch(`${APP_URL}/api/cron/reconcile`, { headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } });
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report).toHaveProperty("pendingExpired");
    expect(report).toMatchObject({ holdsExpired: { reservations: expect.any(Number) }, lotsExpired: { lots: expect.any(Number) } });
    // This run or another file's sweep at the same moment: the hold is back and the lot expired, once.
    expect(await db.creditSpend.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({ status: "EXPIRED" });
    const lot = await db.creditLot.findUniqueOrThrow({ where: { orderId: order.id }, include: { entries: true } });
    expect(lot.remaining).toBe(0);
    expect(lot.entries.filter((e) => e.kind === "EXPIRE").map((e) => e.amount)).toEqual([-5]);
  });
});
