import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderKind } from "./order-kind";
import { toAdminOrderRow, type AdminOrderRow } from "./order-row";

export const SEARCH_LIMIT = 50;

/**
 * Orders matching one key, newest first: a buyer's e-mail (anything with "@", case-insensitive, exact),
 * else an orderId or a paymentKey (exact). An empty query lists the latest orders. `kind` narrows either
 * to checkout orders or to one kind of automatic purchase.
 */
export async function searchOrders(query: string, kind?: OrderKind): Promise<AdminOrderRow[]> {
  const q = query.trim();
  const where: Prisma.OrderWhereInput = kind ? { kind } : {};
  if (q.includes("@")) where.user = { email: { equals: q, mode: "insensitive" } };
  else if (q) where.OR = [{ orderId: q }, { paymentKey: q }];
  const orders = await db.order.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: SEARCH_LIMIT,
    include: { user: { select: { email: true } } },
  });
  return orders.map(toAdminOrderRow);
}
