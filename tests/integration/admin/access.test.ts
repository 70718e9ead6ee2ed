// /admin and /api/admin/* answer 404 to anyone who is not an operator (ADMIN_EMAILS), and change nothing.
import { describe, expect, it } from "vitest";
import { bonusExpiryBounds } from "@/lib/admin/schemas";
import { Client } from "../../helpers/http";
import { paidOrder, requestId, signedInOperator } from "../../helpers/admin";
import { balanceOf, orderRow } from "../../helpers/shop";

const pages = (orderId: string) => ["/admin", "/admin/orders", `/admin/orders?q=${orderId}`, `/admin/orders?kind=PLAN`, `/admin/orders/${orderId}`];
const reads = (orderId: string) => [
  "/api/admin/orders",
  `/api/admin/orders?q=${orderId}`,
  `/api/admin/orders?q=${orderId}&kind=CHECKOUT`,
  `/api/admin/orders/${orderId}`,
  "/api/admin/dashboard",
  "/api/admin/exports/orders?from=2026-01-01&to=2026-01-31",
];
const writes = (orderId: string) =>
  [
    [`/api/admin/orders/${orderId}/refund`, { reason: "테스트 환불", requestId: requestId() }],
    [`/api/admin/orders/${orderId}/resync`, { reason: "테스트 확인" }],
    [`/api/admin/orders/${orderId}/credits`, { reason: "테스트 조정", requestId: requestId(), delta: 100 }],
    [`/api/admin/orders/${orderId}/bonus`, { reason: "테스트 보너스", requestId: requestId(), credits: 100, expiresOn: bonusExpiryBounds().min, label: "보너스" }],
    [`/api/admin/orders/${orderId}/plan/disable`, { reason: "테스트 중지" }],
    [`/api/admin/orders/${orderId}/top-up/disable`, { reason: "테스트 중지" }],
  ] as const;

describe("admin access", () => {
  it("answers 404 to anonymous visitors and to buyers — the order's own buyer included — on every page and API route", async () => {
    const { buyer, orderId } = await paidOrder();
    for (const [who, client] of [["anonymous", new Client()], ["buyer", buyer.client]] as const) {
      for (const path of [...pages(orderId), ...reads(orderId)]) {
        const response = await client.fetch(path);
        expect({ who, path, status: response.status }).toEqual({ who, path, status: 404 });
        // Nothing of the console or the order: the same page as any unknown address.
        const body = await response.text();
        expect(body).not.toContain("운영자");
        expect(body).not.toContain("이벤트 기록");
        expect(body).not.toContain("결제 완료");
      }
      for (const [path, body] of writes(orderId)) {
        const response = await client.postJson(path, body);
        expect({ who, path, status: response.status }).toEqual({ who, path, status: 404 });
      }
    }
    expect(await orderRow(orderId)).toMatchObject({ status: "PAID" });
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("answers 200 to an operator on every page and read route", async () => {
    const { orderId } = await paidOrder();
    const operator = await signedInOperator();
    for (const path of [...pages(orderId), ...reads(orderId)]) {
      const response = await operator.client.fetch(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
    const detail = await (await operator.client.fetch(`/admin/orders/${orderId}`)).text();
    expect(detail).toContain(orderId);
    expect(detail).toContain("이벤트 기록");
    expect(detail).toContain("Toss에서 다시 확인");
    // An unknown order is a 404 for the operator too, page and API.
    expect((await operator.client.fetch("/admin/orders/no_such_order_123")).status).toBe(404);
    expect((await operator.client.fetch("/api/admin/orders/no_such_order_123")).status).toBe(404);
  });

  it("refuses an operator's POST that a cross-site form could have sent: not JSON, or from another site", async () => {
    const { buyer, orderId } = await paidOrder();
    const operator = await signedInOperator();
    const body = JSON.stringify({ reason: "위조 요청", requestId: requestId(), delta: 100 });
    const plain = await operator.client.fetch(`/api/admin/orders/${orderId}/credits`, { method: "POST", headers: { "content-type": "text/plain" }, body });
    expect(plain.status).toBe(415);
    const crossSite = await operator.client.postJson(`/api/admin/orders/${orderId}/credits`, body, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect(await balanceOf(buyer.userId)).toBe(3);
  });
});
