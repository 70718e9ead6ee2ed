import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ORDER_ID_PATTERN } from "@/lib/ids";
import { createOrder } from "@/lib/payments/create-order";
import { failOrder } from "@/lib/payments/fail-order";
import { createUser } from "../../helpers/factories";

describe("createOrder", () => {
  it("takes price and credits from the catalog and returns what the widget needs", async () => {
    const user = await createUser();
    const session = await createOrder(user.id, "PREMIUM_PACK");
    expect(session).toMatchObject({ orderName: "프리미엄 팩", amount: 5000, credits: 5, productCode: "PREMIUM_PACK", customerKey: user.customerKey });
    expect(session.orderId).toMatch(ORDER_ID_PATTERN);
    expect(session.customerKey).not.toContain("@");
    expect(session.successUrl).toMatch(/\/checkout\/success$/);
    expect(session.failUrl).toMatch(/\/checkout\/fail$/);
    const order = await db.order.findUniqueOrThrow({ where: { orderId: session.orderId } });
    expect(order).toMatchObject({ status: "PENDING", amount: 5000, credits: 5, userId: user.id });
    expect(await db.paymentEvent.count({ where: { orderId: order.id, type: "ORDER_CREATED" } })).toBe(1);
  });

  it("refuses an unknown or inactive product and creates nothing", async () => {
    const user = await createUser();
    await expect(createOrder(user.id, "FREE_PACK")).rejects.toMatchObject({ code: "PRODUCT_NOT_FOUND", status: 404 });
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
  });

  it("resumes the user's own open order for the same product, and only that", async () => {
    const [user, other] = [await createUser(), await createUser()];
    const first = await createOrder(user.id, "PRO_PACK");
    expect((await createOrder(user.id, "PRO_PACK", { resumeOrderId: first.orderId })).orderId).toBe(first.orderId);
    expect((await createOrder(user.id, "PREMIUM_PACK", { resumeOrderId: first.orderId })).orderId).not.toBe(first.orderId);
    expect((await createOrder(other.id, "PRO_PACK", { resumeOrderId: first.orderId })).orderId).not.toBe(first.orderId);
  });
});

describe("failOrder (handlePaymentFailure)", () => {
  it("closes the order when the buyer canceled in Toss's window", async () => {
    const user = await createUser();
    const { orderId } = await createOrder(user.id, "PRO_PACK");
    const order = await failOrder(user.id, { code: "PAY_PROCESS_CANCELED", message: "사용자에 의해 결제가 취소되었습니다.", orderId });
    expect(order.status).toBe("CANCELED");
  });

  it("keeps the order PENDING with the failure recorded for any other failure", async () => {
    const user = await createUser();
    const { orderId } = await createOrder(user.id, "PRO_PACK");
    const order = await failOrder(user.id, { code: "REJECT_CARD_COMPANY", message: "카드사에서 거절했습니다.", orderId });
    expect(order).toMatchObject({ status: "PENDING", failureCode: "REJECT_CARD_COMPANY", failureMessage: "카드사에서 거절했습니다." });
  });

  it("refuses another user's order and changes nothing", async () => {
    const [user, other] = [await createUser(), await createUser()];
    const { orderId } = await createOrder(user.id, "PRO_PACK");
    await expect(failOrder(other.id, { code: "PAY_PROCESS_CANCELED", message: "", orderId })).rejects.toMatchObject({ code: "ORDER_NOT_FOUND" });
    expect((await db.order.findUniqueOrThrow({ where: { orderId } })).status).toBe("PENDING");
  });

  it("never closes a paid order", async () => {
    const user = await createUser();
    const { orderId } = await createOrder(user.id, "PRO_PACK");
    await db.order.update({ where: { orderId }, data: { status: "PAID" } });
    expect((await failOrder(user.id, { code: "PAY_PROCESS_CANCELED", message: "", orderId })).status).toBe("PAID");
  });
});
