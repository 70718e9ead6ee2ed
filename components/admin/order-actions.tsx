"use client";

import { useId, useState } from "react";
import { adjustCreditsAction, refundAsOperatorAction, resyncOrderAction } from "@/actions/admin";
import { MAX_ADJUSTMENT } from "@/lib/admin/schemas";
import { formatWon } from "@/lib/format";
import { ORDER_STATUS_LABELS, type OrderStatus } from "@/lib/payments/order-status";
import { ActionForm, NumberField } from "./action-form";

interface OrderActionsProps {
  orderId: string;
  status: OrderStatus;
  amount: number;
  credits: number;
  balance: number;
  method: string | null;
}

const reason = (data: FormData) => String(data.get("reason") ?? "");
/** "" → undefined (the server says what is missing); anything else as a number, NaN included. */
const numberOf = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === "" ? undefined : Number(value));

export function OrderActions({ orderId, status, amount, credits, balance, method }: OrderActionsProps) {
  const id = useId();
  const [partial, setPartial] = useState(false);
  const refundable = (status === "PAID" || status === "PARTIAL_CANCELED") && method !== "가상계좌";

  return (
    <div className="space-y-4">
      {refundable ? (
        <ActionForm
          title="환불"
          variant="danger"
          submitLabel={partial ? "부분 환불하기" : "전액 환불하기"}
          description={
            <p>
              결제 금액 {formatWon(amount)}, 크레딧 {credits}개. 환불한 금액에 비례해 크레딧을 회수해요(부분 환불은 내림). 구매자
              현재 잔액 {balance}개.
            </p>
          }
          send={(data, requestId) =>
            refundAsOperatorAction(orderId, {
              reason: reason(data),
              requestId,
              allowNegativeBalance: data.get("allowNegativeBalance") === "on",
              ...(partial ? { amount: numberOf(data.get("amount")) ?? Number.NaN } : {}),
            })
          }
          done={(r) => (r.status === "REFUNDED" ? "환불했어요." : "환불 결과를 확인하고 있어요. 다시 요청하기 전에 'Toss에서 다시 확인'으로 상태를 확인해 주세요.")}
        >
          {(errors) => (
            <>
              <fieldset className="space-y-2">
                <legend className="text-sm font-semibold">환불 방식</legend>
                <label className="flex min-h-10 items-center gap-2 text-sm">
                  <input type="radio" name="mode" value="full" checked={!partial} onChange={() => setPartial(false)} className="size-5" />
                  {status === "PARTIAL_CANCELED" ? "남은 금액 전부 환불" : "전액 환불"}
                </label>
                <label className="flex min-h-10 items-center gap-2 text-sm">
                  <input type="radio" name="mode" value="partial" checked={partial} onChange={() => setPartial(true)} className="size-5" />
                  부분 환불(금액 지정)
                </label>
              </fieldset>
              {partial ? (
                <NumberField
                  id={`${id}-amount`}
                  name="amount"
                  label="환불 금액(원)"
                  min={1}
                  max={amount}
                  hint={`1원부터 남은 결제 금액까지. 예: ${formatWon(Math.floor(amount / 3))}`}
                  error={errors.amount?.[0]}
                />
              ) : null}
              <label className="flex min-h-10 items-start gap-2 text-sm">
                <input type="checkbox" name="allowNegativeBalance" className="mt-0.5 size-5 shrink-0" />
                <span>
                  잔액이 음수가 되어도 환불
                  <span className="block text-xs text-ink-soft">구매자가 크레딧을 이미 사용했다면, 선택하지 않으면 환불하지 않아요.</span>
                </span>
              </label>
            </>
          )}
        </ActionForm>
      ) : (
        <p className="text-sm text-ink-soft">
          {method === "가상계좌" && (status === "PAID" || status === "PARTIAL_CANCELED")
            ? "가상계좌 결제는 환불 계좌가 필요해서 토스페이먼츠 상점관리자에서 환불해 주세요."
            : `${ORDER_STATUS_LABELS[status]} 주문은 환불할 수 없어요.`}
        </p>
      )}

      <ActionForm
        title="Toss에서 다시 확인"
        variant="secondary"
        submitLabel="Toss에서 다시 확인"
        description={<p>토스에 이 결제의 현재 상태를 물어 주문에 반영해요(정산 작업과 같은 방식).</p>}
        send={(data) => resyncOrderAction(orderId, { reason: reason(data) })}
        done={(r) =>
          r.before === r.after
            ? `상태 변화 없음: ${ORDER_STATUS_LABELS[r.after]}${r.tossStatus ? ` (토스: ${r.tossStatus})` : ""}`
            : `${ORDER_STATUS_LABELS[r.before]} → ${ORDER_STATUS_LABELS[r.after]}`
        }
      />

      <ActionForm
        title="크레딧 수동 조정"
        submitLabel="크레딧 조정하기"
        description={<p>이 주문의 구매자 잔액에 더하거나(+) 빼요(−). 장부에 ‘조정’으로 남아요.</p>}
        send={(data, requestId) => adjustCreditsAction(orderId, { reason: reason(data), requestId, delta: numberOf(data.get("delta")) })}
        done={(r) => (r.applied ? `조정했어요. 현재 잔액 ${r.balance}개.` : `이미 반영된 요청이에요. 현재 잔액 ${r.balance}개.`)}
      >
        {(errors) => (
          <NumberField
            id={`${id}-delta`}
            name="delta"
            label="조정할 크레딧(빼려면 음수)"
            min={-MAX_ADJUSTMENT}
            max={MAX_ADJUSTMENT}
            hint="예: 2 또는 -1"
            error={errors.delta?.[0]}
          />
        )}
      </ActionForm>
    </div>
  );
}
