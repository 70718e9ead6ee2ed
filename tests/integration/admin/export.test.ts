// CSV export (UTF-8 with BOM, header, one row per order) and the dashboard's figures.
import { describe, expect, it } from "vitest";
import { CSV_HEADER } from "@/lib/admin/export-orders-csv";
import { kstDay } from "@/lib/kst";
import { paidOrder, signedInOperator } from "../../helpers/admin";
import { orderRow } from "../../helpers/shop";

describe("admin CSV export", () => {
  it("exports today's orders as UTF-8 CSV with a BOM, the header and the order's row", async () => {
    const { buyer, orderId, paymentKey } = await paidOrder();
    const operator = await signedInOperator();
    const today = kstDay(new Date());
    const response = await operator.client.fetch(`/api/admin/exports/orders?from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="orders-${today}_${today}.csv"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe(CSV_HEADER.join(","));
    expect(lines[0]).toBe("주문번호,주문일시(KST),결제일시(KST),취소일시(KST),상태,상태코드,상품,금액(원),크레딧,결제수단,paymentKey,구매자 이메일,주문 종류");
    const row = lines.find((l) => l.startsWith(`${orderId},`));
    const order = await orderRow(orderId);
    expect(row?.split(",")).toEqual([orderId, expect.stringMatching(new RegExp(`^${today} \\d{2}:\\d{2}:\\d{2}$`)), expect.stringMatching(/^\d{4}-/), "", "결제 완료", "PAID", order.orderName, "3000", "3", order.method, paymentKey, buyer.email, "결제창 구매"]);
    expect(lines.at(-1)).toBe("");

    // Yesterday has no such row; a reversed or malformed range is refused.
    const yesterday = kstDay(new Date(Date.now() - 24 * 60 * 60_000));
    expect(await (await operator.client.fetch(`/api/admin/exports/orders?from=${yesterday}&to=${yesterday}`)).text()).not.toContain(orderId);
    expect((await operator.client.fetch(`/api/admin/exports/orders?from=${today}&to=${yesterday}`)).status).toBe(400);
    expect((await operator.client.fetch(`/api/admin/exports/orders?from=2026-02-30&to=2026-03-01`)).status).toBe(400);
    expect((await operator.client.fetch(`/api/admin/exports/orders?from=today`)).status).toBe(400);
  });
});

describe("admin dashboard", () => {
  it("counts today's paid orders and revenue", async () => {
    const operator = await signedInOperator();
    const before = (await (await operator.client.fetch("/api/admin/dashboard")).json()) as { today: { paidOrders: number; revenue: number } };
    await paidOrder("PREMIUM_PACK");
    const after = (await (await operator.client.fetch("/api/admin/dashboard")).json()) as { today: { paidOrders: number; revenue: number }; month: { paidOrders: number } };
    expect(after.today.paidOrders).toBe(before.today.paidOrders + 1);
    expect(after.today.revenue).toBe(before.today.revenue + 5000);
    expect(after.month.paidOrders).toBeGreaterThanOrEqual(after.today.paidOrders);
  });
});
