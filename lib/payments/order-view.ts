import type { Order } from "@/lib/generated/prisma/client";
import { bankName } from "./banks";
import { ORDER_STATUS_LABELS, type OrderStatus } from "./order-status";

/** What the owner of an order may see of it (pages, GET /api/orders/{orderId}): never a secret. */
export interface OrderView {
  orderId: string;
  orderName: string;
  productCode: string;
  /** CHECKOUT: bought in the browser; PLAN, TOP_UP: charged to the saved card (자동결제) */
  kind: "CHECKOUT" | "PLAN" | "TOP_UP";
  amount: number;
  credits: number;
  status: OrderStatus;
  statusLabel: string;
  /** a confirm is in flight or its outcome is unknown: reconciliation will settle it */
  processing: boolean;
  method: string | null;
  receiptUrl: string | null;
  failure: { code: string; message: string } | null;
  virtualAccount: { bankCode: string | null; bankName: string | null; accountNumber: string; dueDate: string | null } | null;
  createdAt: string;
  approvedAt: string | null;
  canceledAt: string | null;
}

export function toOrderView(order: Order): OrderView {
  const status = order.status as OrderStatus;
  return {
    orderId: order.orderId,
    orderName: order.orderName,
    productCode: order.productCode,
    kind: order.kind,
    amount: order.amount,
    credits: order.credits,
    status,
    statusLabel: ORDER_STATUS_LABELS[status],
    processing: status === "PENDING" && order.confirmAttemptedAt !== null,
    method: order.method,
    receiptUrl: order.receiptUrl,
    failure: order.failureCode ? { code: order.failureCode, message: order.failureMessage ?? "" } : null,
    virtualAccount: order.virtualAccountNumber
      ? {
          bankCode: order.virtualAccountBank,
          bankName: bankName(order.virtualAccountBank),
          accountNumber: order.virtualAccountNumber,
          dueDate: order.virtualAccountDueDate?.toISOString() ?? null,
        }
      : null,
    createdAt: order.createdAt.toISOString(),
    approvedAt: order.approvedAt?.toISOString() ?? null,
    canceledAt: order.canceledAt?.toISOString() ?? null,
  };
}
