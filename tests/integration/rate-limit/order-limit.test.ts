// New orders per user: past the limit, createOrder (behind POST /api/orders and createPaymentSession)
// refuses with 429 TOO_MANY_ORDERS, Retry-After and a Korean message; resuming an open order is not a new one.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrder } from "@/lib/payments/create-order";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { createUser } from "../../helpers/factories";
import { signedInBuyer } from "../../helpers/http";

const { limit } = RATE_LIMITS.orderCreationPerUser;
const KOREAN = /^주문 요청이 너무 많아요\. \d+(초|분) 후에 다시 시도해 주세요\.$/;

describe("createOrder's limit per user", () => {
  it(`creates ${limit} orders, then refuses a new one but still resumes an open one`, async () => {
    const user = await createUser();
    const sessions = [];
    for (let i = 0; i < limit; i++) sessions.push(await createOrder(user.id, "PRO_PACK"));

    const refused = createOrder(user.id, "PRO_PACK");
    await expect(refused).rejects.toMatchObject({ code: "TOO_MANY_ORDERS", status: 429, userMessage: expect.stringMatching(KOREAN) });
    await expect(refused).rejects.toHaveProperty("retryAfterSeconds", expect.any(Number));
    expect(await db.order.count({ where: { userId: user.id } })).toBe(limit);

    expect((await createOrder(user.id, "PRO_PACK", { resumeOrderId: sessions[0]!.orderId })).orderId).toBe(sessions[0]!.orderId);
    // Another user is not affected.
    await expect(createOrder((await createUser()).id, "PRO_PACK")).resolves.toMatchObject({ amount: 3000 });
  });
});

describe("POST /api/orders, rate-limited", () => {
  it("answers 429 with Retry-After and a Korean message", async () => {
    const buyer = await signedInBuyer();
    for (let i = 0; i < limit; i++) expect((await buyer.client.postJson("/api/orders", { product: "PRO_PACK" })).status).toBe(201);

    const response = await buyer.client.postJson("/api/orders", { product: "PRO_PACK" });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("TOO_MANY_ORDERS");
    expect(body.error.message).toMatch(KOREAN);
    expect(await db.order.count({ where: { userId: buyer.userId } })).toBe(limit);
  });
});
