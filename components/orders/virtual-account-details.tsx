import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime, formatWon } from "@/lib/format";
import type { OrderView } from "@/lib/payments/order-view";

/** Where and by when to pay a 가상계좌 order. */
export function VirtualAccountDetails({
  account,
  amount,
}: {
  account: NonNullable<OrderView["virtualAccount"]>;
  amount: number;
}) {
  return (
    <dl className="divide-y divide-gray-100 rounded-xl bg-white px-4 ring-1 ring-gray-200">
      <div className="flex items-center justify-between gap-4 py-3">
        <dt className="text-sm text-ink-soft">은행</dt>
        <dd className="text-right font-semibold">{account.bankName ?? "—"}</dd>
      </div>
      <div className="flex items-center justify-between gap-3 py-3">
        <dt className="shrink-0 text-sm text-ink-soft">계좌번호</dt>
        <dd className="flex min-w-0 items-center gap-2">
          <span className="break-all text-right font-mono font-semibold tabular-nums" data-testid="virtual-account-number">
            {account.accountNumber}
          </span>
          <CopyButton value={account.accountNumber} label="계좌번호" />
        </dd>
      </div>
      <div className="flex items-center justify-between gap-4 py-3">
        <dt className="text-sm text-ink-soft">입금 금액</dt>
        <dd className="text-right font-semibold tabular-nums">{formatWon(amount)}</dd>
      </div>
      {account.dueDate ? (
        <div className="flex items-center justify-between gap-4 py-3">
          <dt className="text-sm text-ink-soft">입금 기한</dt>
          <dd className="text-right font-semibold">{formatDateTime(account.dueDate)}까지</dd>
        </div>
      ) : null}
    </dl>
  );
}
