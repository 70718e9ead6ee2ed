import "server-only";
import { db } from "@/lib/db";
import { paymentErrors } from "./errors";
import { toOrderView, type OrderView } from "./order-view";

/** One of the user's orders; another user's answers exactly like a missing one. */
export async function getOrder(userId: string, orderId: string): Promise<OrderView> {
  const order = await db.order.findUnique({ where: { orderId } });
  if (!order || order.userId !== userId) throw paymentErrors.orderNotFound();
  return toOrderView(order);
}

/** The user's orders, newest first. */
export async function listOrders(userId: string, limit = 50): Promise<OrderView[]> {
  const orders = await db.order.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: limit });
  return orders.map(toOrderView);
}
