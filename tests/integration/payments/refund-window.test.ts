// The buyer's refund window (청약철회, issue #21) over the three doors that lead to a refund: the order
// page (what it offers), POST /api/orders/{id}/refund and the refundOrderAction server action. A pack
// paid on the 7th Seoul day before today is still refundable today (until 23:59 KST); one paid on the
// 8th day before is not, and the refusal changes nothing. The operator's refund is not bound by it.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { refundOrderAction } from "@/actions/payments";
import { refundAsOperator } from "@/lib/admin/refund-as-operator";
import { db } from "@/lib/db";
import { kstDay, kstDayStart } from "@/lib/kst";
import { signedInBuyer, type SignedInBuyer } from "../../helpers/http";
import { APP_MERCHANT, balanceOf, confirmOverHttp, orderRow, paidInWindow } from "../../helpers/shop";
import { tossApi } from "../../helpers/toss-sandbox";

// The server action reads the session from Next's request scope: here, the signed-in buyer's own cookie.
let sessionCookies: { name: string; value: string }[] = [];
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => sessionCookies, get: (name: string) => sessionCookies.find((c) => c.name === name) }),
  headers: async () => new Headers({ host: "127.0.0.1" }),
}));

const DAY_MS = 24 * 60 * 60_000;

/** A paid pack of a new buyer, its payment approved on the Seoul day `daysAgo` days before today, at `time` KST. */
async function packPaid(daysAgo: number, time: "00:00:00" | "23:59:59") {
  const buyer = await signedInBuyer();
  const { order, payment } = await paidInWindow(buyer);
  expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
  const dayStart = kstDayStart(kstDay(new Date()))!.getTime() - daysAgo * DAY_MS;
  const approvedAt = new Date(dayStart + (time === "00:00:00" ? 0 : DAY_MS - 1000));
  await db.order.update({ where: { orderId: order.orderId }, data: { approvedAt } });
  return { buyer, order, payment };
}

function signInAs(buyer: SignedInBuyer) {
  sessionCookies = buyer.client
    .cookieHeader()
    .split("; ")
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) }));
}

beforeEach(() => {
  sessionCookies = [];
});

describe("on day 8 (paid at 23:59:59 KST eight Seoul days ago)", () => {
  it("the order page offers no refund and says why", async () => {
    const { buyer, order } = await packPaid(8, "23:59:59");
    const html = await (await buyer.client.fetch(`/orders/${order.orderId}`)).text();
    expect(html).toContain("결제 후 7일이 지나 직접 환불할 수 없어요");
    expect(html).not.toContain("환불하기");
  });

  it("the API refuses with 409 NOT_REFUNDABLE and nothing changes, at Toss either", async () => {
    const { buyer, order, payment } = await packPaid(8, "23:59:59");
    const response = await buyer.client.postJson(`/api/orders/${order.orderId}/refund`, {});
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_REFUNDABLE", message: expect.stringContaining("7일이 지나") } });
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PAID" });
    expect(await balanceOf(buyer.userId)).toBe(3);
    expect(await db.paymentEvent.count({ where: { order: { orderId: order.orderId }, type: "REFUND_REQUESTED" } })).toBe(0);
    expect((await tossApi(APP_MERCHANT, "GET", `/v1/payments/${payment.paymentKey}`)).body).toMatchObject({ status: "DONE" });
  });

  it("the server action refuses the same way", async () => {
    const { buyer, order } = await packPaid(8, "23:59:59");
    signInAs(buyer);
    expect(await refundOrderAction(order.orderId)).toMatchObject({ ok: false, error: { code: "NOT_REFUNDABLE" } });
    expect(await orderRow(order.orderId)).toMatchObject({ status: "PAID" });
  });

  it("an operator can still refund it (the refund policy's way after the window)", async () => {
    const { buyer, order } = await packPaid(30, "00:00:00");
    const operator = await db.user.create({ data: { email: `operator-${order.orderId}@example.com`, customerKey: `cus_op_${order.orderId}`.slice(0, 50) } });
    const outcome = await refundAsOperator({ id: operator.id, email: operator.email! }, order.orderId, {
      reason: "고객센터 요청: 미사용 팩 환불",
      requestId: randomUUID(),
      allowNegativeBalance: false,
    });
    expect(outcome.kind).toBe("refunded");
    expect(await orderRow(order.orderId)).toMatchObject({ status: "CANCELED" });
    expect(await balanceOf(buyer.userId)).toBe(0);
  });
});

describe("on day 7 (paid at 00:00:00 KST seven Seoul days ago)", () => {
  it("the order page says until when, and offers the refund", async () => {
    const { buyer, order } = await packPaid(7, "00:00:00");
    const html = await (await buyer.client.fetch(`/orders/${order.orderId}`)).text();
    expect(html).toContain("직접 환불 기한");
    expect(html).toContain(`${kstDay(new Date()).slice(5).split("-").map(Number).join("월 ")}일 23:59`);
    expect(html).toContain("환불하기");
  });

  it("the server action refunds it", async () => {
    const { buyer, order } = await packPaid(7, "00:00:00");
    signInAs(buyer);
    expect(await refundOrderAction(order.orderId)).toMatchObject({ ok: true, data: { status: "REFUNDED", order: { status: "CANCELED" } } });
    expect(await balanceOf(buyer.userId)).toBe(0);
  });

  it("the API refunds it", async () => {
    const { buyer, order } = await packPaid(7, "00:00:00");
    expect((await buyer.client.postJson(`/api/orders/${order.orderId}/refund`, {})).status).toBe(200);
    expect(await orderRow(order.orderId)).toMatchObject({ status: "CANCELED" });
  });
});
