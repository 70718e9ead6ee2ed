// Search by orderId, paymentKey and buyer e-mail, over the API and the page.
import { describe, expect, it } from "vitest";
import { paidOrder, signedInOperator } from "../../helpers/admin";

type Found = { orders: { orderId: string; paymentKey: string | null; buyerEmail: string | null; status: string; amount: number }[] };

describe("admin search", () => {
  it("finds an order by each of its three keys, and nothing for a stranger's key", async () => {
    const { buyer, orderId, paymentKey } = await paidOrder();
    const operator = await signedInOperator();
    for (const q of [orderId, paymentKey, buyer.email, buyer.email.toUpperCase()]) {
      const response = await operator.client.fetch(`/api/admin/orders?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      const { orders } = (await response.json()) as Found;
      expect({ q, found: orders.map((o) => o.orderId) }).toEqual({ q, found: [orderId] });
      expect(orders[0]).toMatchObject({ paymentKey, buyerEmail: buyer.email, status: "PAID", amount: 3000 });

      const page = await (await operator.client.fetch(`/admin/orders?q=${encodeURIComponent(q)}`)).text();
      expect(page).toContain(`/admin/orders/${orderId}`);
      expect(page).toContain("결제 완료");
    }
    const none = (await (await operator.client.fetch("/api/admin/orders?q=nobody-here%40example.com")).json()) as Found;
    expect(none.orders).toEqual([]);
    expect((await operator.client.fetch(`/api/admin/orders?q=${"x".repeat(201)}`)).status).toBe(400);
  });
});
