"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { refundOrderAction } from "@/actions/payments";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import type { FieldErrors } from "@/lib/errors";
import { formatWon } from "@/lib/format";
import { REFUND_BANKS } from "./refund-banks";

interface RefundButtonProps {
  orderId: string;
  amount: number;
  credits: number;
  /** 가상계좌: Toss needs the account the money goes back to */
  needsAccount: boolean;
}

const field = (errors: FieldErrors, name: string) => errors[`refundReceiveAccount.${name}`]?.[0];

export function RefundButton({ orderId, amount, credits, needsAccount }: RefundButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const cancelRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  function close() {
    if (pending) return;
    setOpen(false);
    setError(null);
    setFieldErrors({});
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const account = needsAccount
      ? {
          bank: String(data.get("bank") ?? ""),
          accountNumber: String(data.get("accountNumber") ?? "").replace(/[\s-]/g, ""),
          holderName: String(data.get("holderName") ?? "").trim(),
        }
      : undefined;
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const result = await refundOrderAction(orderId, account);
      if (!result.ok) {
        setError(result.error.message);
        setFieldErrors(result.error.fieldErrors ?? {});
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        return;
      }
      setOpen(false);
      // The page re-renders without this button; the flag in the address carries the toast over.
      router.replace(`/orders/${encodeURIComponent(orderId)}?refund=${result.data.status === "REFUNDED" ? "done" : "processing"}`, {
        scroll: false,
      });
    } catch {
      setError("환불 요청을 보내지 못했어요. 네트워크 상태를 확인하고 다시 시도해 주세요.");
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button variant="dangerGhost" className="w-full sm:w-auto" onClick={() => setOpen(true)}>
        환불하기
      </Button>
      <Dialog
        open={open}
        onClose={close}
        dismissible={!pending}
        title="이 주문을 환불할까요?"
        description={
          <>
            {formatWon(amount)}을 환불하고 크레딧 {credits}개를 회수해요. 환불한 뒤에는 되돌릴 수 없어요.
          </>
        }
        initialFocusRef={cancelRef}
      >
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
          {needsAccount ? (
            <fieldset className="space-y-3">
              <legend className="mb-1 text-sm font-semibold">환불받을 계좌</legend>
              <div className="space-y-1.5">
                <label htmlFor="refund-bank" className="block text-sm font-semibold">
                  은행
                </label>
                <select
                  id="refund-bank"
                  name="bank"
                  required
                  defaultValue=""
                  aria-invalid={field(fieldErrors, "bank") ? true : undefined}
                  className="block min-h-12 w-full rounded-xl border border-gray-300 bg-white px-4 text-base focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
                >
                  <option value="" disabled>
                    은행을 선택해 주세요
                  </option>
                  {REFUND_BANKS.map((bank) => (
                    <option key={bank.code} value={bank.code}>
                      {bank.name}
                    </option>
                  ))}
                </select>
                {field(fieldErrors, "bank") ? <p className="text-sm text-red-600">은행을 선택해 주세요.</p> : null}
              </div>
              <TextField
                id="refund-account-number"
                name="accountNumber"
                label="계좌번호"
                inputMode="numeric"
                autoComplete="off"
                placeholder="숫자만 입력"
                required
                error={field(fieldErrors, "accountNumber")}
              />
              <TextField
                id="refund-holder-name"
                name="holderName"
                label="예금주"
                autoComplete="name"
                required
                error={field(fieldErrors, "holderName") ? "예금주를 입력해 주세요." : undefined}
              />
            </fieldset>
          ) : null}
          {error ? (
            <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row">
            <Button ref={cancelRef} variant="ghost" onClick={close} disabled={pending} className="sm:flex-1">
              닫기
            </Button>
            <Button type="submit" variant="danger" loading={pending} loadingLabel="환불하는 중…" className="sm:flex-1">
              환불하기
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
