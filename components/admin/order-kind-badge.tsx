import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ORDER_KIND_LABELS, type OrderKind } from "@/lib/admin/order-kind";

const TONES: Record<OrderKind, BadgeTone> = { CHECKOUT: "gray", PLAN: "blue", TOP_UP: "amber" };

/** How the order was bought: in the payment window, or charged to the saved card (정기 충전, 자동충전). */
export function OrderKindBadge({ kind }: { kind: OrderKind }) {
  return (
    <span className="inline-flex" data-order-kind={kind}>
      <Badge tone={TONES[kind]}>{ORDER_KIND_LABELS[kind]}</Badge>
    </span>
  );
}
