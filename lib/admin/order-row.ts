import type { Order } from "@/lib/generated/prisma/client";
import { toOrderView, type OrderView } from "@/lib/payments/order-view";

/** An order as the operator console shows it: the buyer's view plus who bought it and Toss's keys. */
export interface AdminOrderRow extends OrderView {
  buyerEmail: string | null;
  userId: string;
  paymentKey: string | null;
  tossStatus: string | null;
}

export function toAdminOrderRow(order: Order & { user: { email: string | null } }): AdminOrderRow {
  return {
    ...toOrderView(order),
    buyerEmail: order.user.email,
    userId: order.userId,
    paymentKey: order.paymentKey,
    tossStatus: order.tossStatus,
  };
}
