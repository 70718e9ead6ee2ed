// Bonus credits from the operator console, over HTTP: a BONUS lot granted once per request id (ten
// identical requests at once included), spent before paid credits, not spendable once expired; bad
// input is a 400 and anyone but an operator gets the 404 of a page that does not exist.
import { describe, expect, it } from "vitest";
import { bonusExpiresAt, bonusExpiryBounds } from "@/lib/admin/schemas";
import { spendCredits } from "@/lib/credits/spend-credits";
import { db } from "@/lib/db";
import { TEST_OPERATOR } from "../../../scripts/lib/test-env";
import { paidOrder, requestId, signedInOperator } from "../../helpers/admin";
import { Client } from "../../helpers/http";
import { balanceOf, ledgerOf, orderRow, spend } from "../../helpers/shop";

const bonusPath = (orderId: string) => `/api/admin/orders/${orderId}/bonus`;
const bonusLot = (id: string) => db.creditLot.findUnique({ where: { grantKey: `admin-bonus-${id}` } });
const orderLot = async (orderId: string) => db.creditLot.findUniqueOrThrow({ where: { orderId: (await orderRow(orderId)).id } });
const bonusEvents = (orderId: string) => db.paymentEvent.findMany({ where: { order: { orderId }, type: "ADMIN_CREDITS_BONUS" } });

function body(overrides: Record<string, unknown> = {}) {
  return { reason: "가입 이벤트 당첨", requestId: requestId(), credits: 2, expiresOn: bonusExpiryBounds().min, label: "가입 축하 보너스", ...overrides };
}

describe("bonus credits", () => {
  it("grants one BONUS lot for ten identical requests at once, valid through the chosen Seoul day, audited once", async () => {
    const { buyer, orderId } = await paidOrder();
    const operator = await signedInOperator();
    const expiresOn = bonusExpiryBounds().max;
    const request = body({ credits: 4, expiresOn });
    const answers = await Promise.all(Array.from({ length: 10 }, () => operator.client.postJson(bonusPath(orderId), request)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const results = (await Promise.all(answers.map((a) => a.json()))) as { applied: boolean; balance: number; expiresAt: string }[];
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(results.every((r) => r.expiresAt === bonusExpiresAt(expiresOn).toISOString())).toBe(true);
    expect(await balanceOf(buyer.userId)).toBe(7);

    const lot = await bonusLot(request.requestId);
    expect(lot).toMatchObject({ userId: buyer.userId, source: "BONUS", amount: 4, remaining: 4, priority: 0, reason: "가입 축하 보너스" });
    // The end of that day in Seoul: the next day's 00:00 KST.
    expect(lot!.expiresAt!.toISOString()).toBe(new Date(Date.parse(`${expiresOn}T00:00:00+09:00`) + 86_400_000).toISOString());
    const entries = (await ledgerOf(buyer.userId)).filter((e) => e.kind === "BONUS");
    expect(entries.map((e) => [e.amount, e.reason, e.lotId])).toEqual([[4, "가입 축하 보너스", lot!.id]]);
    const events = await bonusEvents(orderId);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ operator: TEST_OPERATOR, reason: "가입 이벤트 당첨", credits: 4, expiresAt: lot!.expiresAt!.toISOString(), requestId: request.requestId }),
    ]);

    // The same request id for another grant: refused, nothing more granted.
    const reused = await operator.client.postJson(bonusPath(orderId), { ...request, credits: 5 });
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ error: { code: "REQUEST_ID_REUSED" } });
    expect(await balanceOf(buyer.userId)).toBe(7);

    // The console lists the buyer's lots, this order's marked, and the bonus in the timeline.
    const page = await (await operator.client.fetch(`/admin/orders/${orderId}`)).text();
    expect(page).toContain("가입 축하 보너스");
    expect(page).toContain("이 주문");
    expect(page).toContain("운영자: 보너스 크레딧");
  });

  it("is spent before the paid credits", async () => {
    const { buyer, orderId } = await paidOrder();
    const operator = await signedInOperator();
    const request = body({ credits: 2 });
    expect((await operator.client.postJson(bonusPath(orderId), request)).status).toBe(200);
    expect(await spend(buyer.userId, 2)).toBe(3);
    expect(await bonusLot(request.requestId)).toMatchObject({ remaining: 0 });
    expect(await orderLot(orderId)).toMatchObject({ remaining: 3 });
    // The next spend draws from the pack.
    expect(await spend(buyer.userId, 1)).toBe(2);
    expect(await orderLot(orderId)).toMatchObject({ remaining: 2 });
  });

  it("is not spendable once expired", async () => {
    const { buyer, orderId } = await paidOrder();
    const operator = await signedInOperator();
    const request = body({ credits: 2 });
    expect((await operator.client.postJson(bonusPath(orderId), request)).status).toBe(200);
    expect(await balanceOf(buyer.userId)).toBe(5);
    // Its day has passed (the API takes only future days: the clock moves on by an update).
    await db.creditLot.update({ where: { grantKey: `admin-bonus-${request.requestId}` }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await balanceOf(buyer.userId)).toBe(3);
    await expect(spendCredits({ userId: buyer.userId, amount: 4, idempotencyKey: `t-${requestId()}`, reason: "premium" })).rejects.toMatchObject({
      code: "INSUFFICIENT_CREDITS",
      details: { balance: 3, required: 4 },
    });
    expect(await spend(buyer.userId, 1)).toBe(2);
    expect(await bonusLot(request.requestId)).toMatchObject({ remaining: 2 });
    expect(await orderLot(orderId)).toMatchObject({ remaining: 2 });
  });

  it("refuses bad input with 400 and the field, granting nothing", async () => {
    const { buyer, orderId } = await paidOrder();
    const operator = await signedInOperator();
    const { min, max } = bonusExpiryBounds();
    const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, string][] = [
      [{ credits: 0 }, "credits"],
      [{ credits: 10_001 }, "credits"],
      [{ credits: 1.5 }, "credits"],
      [{ credits: "2" }, "credits"],
      [{ expiresOn: dayBefore(min) }, "expiresOn"], // today
      [{ expiresOn: dayAfter(max) }, "expiresOn"], // more than 5 years ahead
      [{ expiresOn: "2027-02-30" }, "expiresOn"],
      [{ expiresOn: "2027/01/15" }, "expiresOn"],
      [{ label: "" }, "label"],
      [{ label: "가".repeat(41) }, "label"],
      [{ reason: "x" }, "reason"],
      [{ requestId: "not-a-uuid" }, "requestId"],
    ];
    for (const [change, field] of cases) {
      const response = await operator.client.postJson(bonusPath(orderId), body(change));
      expect({ change, status: response.status }).toEqual({ change, status: 400 });
      expect(Object.keys(((await response.json()) as { error: { fieldErrors: object } }).error.fieldErrors)).toEqual([field]);
    }
    expect((await operator.client.postJson(bonusPath(orderId), { ...body(), extra: 1 })).status).toBe(400);
    expect((await operator.client.postJson(bonusPath("no_such_order_123"), body())).status).toBe(404);
    expect(await balanceOf(buyer.userId)).toBe(3);
    expect(await bonusEvents(orderId)).toHaveLength(0);
  });

  it("answers 404 to buyers and anonymous visitors, granting nothing", async () => {
    const { buyer, orderId } = await paidOrder();
    for (const client of [buyer.client, new Client()]) {
      expect((await client.postJson(bonusPath(orderId), body())).status).toBe(404);
    }
    expect(await balanceOf(buyer.userId)).toBe(3);
    expect(await db.creditLot.count({ where: { userId: buyer.userId, source: "BONUS" } })).toBe(0);
  });
});
