"use client";

import { useId, useState } from "react";
import { adjustCreditsAction, grantBonusAction, refundAsOperatorAction, resyncOrderAction } from "@/actions/admin";
import { TextField } from "@/components/ui/text-field";
import { unusedRefundAmount } from "@/lib/admin/refund-plan";
import { BONUS_LABEL_MAX, BONUS_MAX_YEARS, MAX_ADJUSTMENT, MAX_BONUS } from "@/lib/admin/schemas";
import { formatDateTime, formatWon } from "@/lib/format";
import { ORDER_STATUS_LABELS, type OrderStatus } from "@/lib/payments/order-status";
import { ActionForm, NumberField } from "./action-form";

interface OrderActionsProps {
  orderId: string;
  status: OrderStatus;
  amount: number;
  credits: number;
  balance: number;
  method: string | null;
  /** this order's lot: what the unused-only refund can buy back */
  lot: { amount: number; remaining: number; held: number; expired: boolean } | null;
  /** the days a bonus may expire on (lib/admin/schemas.ts bonusExpiryBounds), worked out by the server */
  bonusExpiry: { min: string; max: string };
}

type RefundMode = "full" | "partial" | "unused";

const reason = (data: FormData) => String(data.get("reason") ?? "");
/** "" → undefined (the server says what is missing); anything else as a number, NaN included. */
const numberOf = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === "" ? undefined : Number(value));

export function OrderActions({ orderId, status, amount, credits, balance, method, lot, bonusExpiry }: OrderActionsProps) {
  const id = useId();
  const [mode, setMode] = useState<RefundMode>("full");
  const partial = mode === "partial";
  const unused = lot && !lot.expired ? lot.remaining : 0;
  const refundable = (status === "PAID" || status === "PARTIAL_CANCELED") && method !== "가상계좌";

  return (
    <div className="space-y-4">
      {refundable ? (
        <ActionForm
          title="환불"
          variant="danger"
          submitLabel={mode === "partial" ? "부분 환불하기" : mode === "unused" ? "미사용분 환불하기" : "전액 환불하기"}
          description={
            <p>
              결제 금액 {formatWon(amount)}, 크레딧 {credits}개. 환불한 금액에 비례해 이 팩의 크레딧을 회수해요(부분 환불은 내림).
              {lot ? ` 이 팩에 남은 크레딧 ${lot.remaining}/${lot.amount}개${lot.held ? `(예약 중 ${lot.held}개 별도)` : ""}${lot.expired ? ", 유효기간 만료" : ""}.` : ""} 구매자
              현재 잔액 {balance}개.
            </p>
          }
          send={(data, requestId) =>
            refundAsOperatorAction(orderId, {
              reason: reason(data),
              requestId,
              allowNegativeBalance: data.get("allowNegativeBalance") === "on",
              ...(mode === "partial" ? { amount: numberOf(data.get("amount")) ?? Number.NaN } : {}),
              ...(mode === "unused" ? { unusedOnly: true } : {}),
            })
          }
          done={(r) => (r.status === "REFUNDED" ? "환불했어요." : "환불 결과를 확인하고 있어요. 다시 요청하기 전에 'Toss에서 다시 확인'으로 상태를 확인해 주세요.")}
        >
          {(errors) => (
            <>
              <fieldset className="space-y-2">
                <legend className="text-sm font-semibold">환불 방식</legend>
                <label className="flex min-h-10 items-center gap-2 text-sm">
                  <input type="radio" name="mode" value="full" checked={mode === "full"} onChange={() => setMode("full")} className="size-5" />
                  {status === "PARTIAL_CANCELED" ? "남은 금액 전부 환불" : "전액 환불"}
                </label>
                <label className="flex min-h-10 items-center gap-2 text-sm">
                  <input type="radio" name="mode" value="partial" checked={partial} onChange={() => setMode("partial")} className="size-5" />
                  부분 환불(금액 지정)
                </label>
                <label className="flex min-h-10 items-start gap-2 text-sm">
                  <input type="radio" name="mode" value="unused" checked={mode === "unused"} onChange={() => setMode("unused")} className="mt-0.5 size-5 shrink-0" />
                  <span>
                    미사용분만 환불
                    <span className="block text-xs text-ink-soft">
                      {unused > 0
                        ? `남은 크레딧 ${unused}개만큼 ${formatWon(unusedRefundAmount({ amount, credits }, unused, amount))}을 환불하고 그 크레딧만 회수해요(남은 결제 금액이 더 적으면 그 금액까지).`
                        : "이 팩에 남은(만료되지 않은) 크레딧이 없어 환불할 금액이 없어요."}
                    </span>
                  </span>
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
                  사용분이 있어도 환불(부족분으로 기록)
                  <span className="block text-xs text-ink-soft">
                    구매자가 이 팩의 크레딧을 이미 사용했다면, 선택하지 않으면 환불하지 않아요. 선택하면 남은 크레딧만 회수하고 사용된
                    만큼은 부족분으로 기록해요(잔액은 0 아래로 내려가지 않아요).
                  </span>
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
        description={
          <p>
            이 주문의 구매자 크레딧에 더하거나(+) 빼요(−). +는 구매한 크레딧처럼 쓰이는 조정 묶음을 만들고, −는 사용할 때와 같은 순서로
            빼요(잔액보다 많이는 뺄 수 없어요). 장부에 ‘조정’으로 남아요.
          </p>
        }
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

      <ActionForm
        title="보너스 크레딧 지급"
        submitLabel="보너스 지급하기"
        description={<p>이 주문의 구매자에게 유효기간이 있는 보너스 크레딧을 줘요. 보너스는 구매한 크레딧보다 먼저 사용돼요.</p>}
        send={(data, requestId) =>
          grantBonusAction(orderId, {
            reason: reason(data),
            requestId,
            credits: numberOf(data.get("credits")),
            expiresOn: String(data.get("expiresOn") ?? ""),
            label: String(data.get("label") ?? ""),
          })
        }
        done={(r) =>
          `${r.applied ? "보너스를 지급했어요" : "이미 지급된 요청이에요"}(${formatDateTime(r.expiresAt)} 전까지 사용 가능). 현재 잔액 ${r.balance}개.`
        }
      >
        {(errors) => (
          <>
            <NumberField
              id={`${id}-bonus-credits`}
              name="credits"
              label="보너스 크레딧"
              min={1}
              max={MAX_BONUS}
              hint={`1개부터 ${MAX_BONUS.toLocaleString("ko-KR")}개까지`}
              error={errors.credits?.[0]}
            />
            <TextField
              id={`${id}-bonus-expires`}
              name="expiresOn"
              type="date"
              label="마지막 사용일"
              min={bonusExpiry.min}
              max={bonusExpiry.max}
              hint={`이 날이 끝날 때까지(한국 시간) 쓸 수 있어요. 내일부터 ${BONUS_MAX_YEARS}년 이내.`}
              error={errors.expiresOn?.[0]}
            />
            <TextField
              id={`${id}-bonus-label`}
              name="label"
              label="구매자에게 보일 이름"
              maxLength={BONUS_LABEL_MAX}
              hint="구매자의 크레딧 내역에 보여요. 예: 가입 축하 보너스"
              error={errors.label?.[0]}
            />
          </>
        )}
      </ActionForm>
    </div>
  );
}
