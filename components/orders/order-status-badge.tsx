import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrderView } from "@/lib/payments/order-view";

const TONES: Record<OrderView["status"], BadgeTone> = {
  PENDING: "gray",
  WAITING_FOR_DEPOSIT: "amber",
  PAID: "green",
  CANCELED: "red",
  PARTIAL_CANCELED: "amber",
  EXPIRED: "gray",
};

export function OrderStatusBadge({ order }: { order: Pick<OrderView, "status" | "statusLabel" | "processing"> }) {
  if (order.processing) return <Badge tone="blue">확인 중</Badge>;
  return <Badge tone={TONES[order.status]}>{order.statusLabel}</Badge>;
}
