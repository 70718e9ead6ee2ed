"use client";

import { useEffect, useRef, useState } from "react";
import { disablePlanAction, disableTopUpAction } from "@/actions/admin";
import type { AutoChargeTarget, DisableAutoChargeResult } from "@/lib/admin/disable-auto-charge-as-operator";
import { ActionForm } from "./action-form";

const NAMES: Record<AutoChargeTarget, { title: string; thing: string; done: string }> = {
  PLAN: { title: "정기 충전 중지", thing: "정기 충전", done: "정기 충전을 중지했어요." },
  TOP_UP: { title: "자동충전 끄기", thing: "잔액 기준 자동충전", done: "자동충전을 껐어요." },
};

function outcome(r: DisableAutoChargeResult): string {
  const names = NAMES[r.target];
  if (r.changed) return `${names.done} 구매자의 계정 페이지에 중지 사유가 보여요.`;
  if (r.status === "CANCELED") return `구매자가 이미 해지한 ${names.thing}이에요. 바뀐 것은 없어요.`;
  if (r.status === "DISABLED") return `이미 중지된 ${names.thing}이에요. 바뀐 것은 없어요.`;
  return `${names.thing}이 다시 켜져 있어 바꾸지 못했어요. 화면을 새로 고쳐 확인해 주세요.`;
}

/**
 * The operator's switch for a buyer's plan or top-up while it runs (ACTIVE or PAUSED). Once it stops the
 * form goes away with the page's refresh; the answer stays here, announced, and takes the focus the
 * vanished button had.
 */
export function AutoChargeStop({ orderId, target, running }: { orderId: string; target: AutoChargeTarget; running: boolean }) {
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!running && notice) noticeRef.current?.focus();
  }, [running, notice]);

  if (!running) {
    return notice ? (
      <p ref={noticeRef} tabIndex={-1} role="status" className="rounded-xl bg-green-50 p-3 text-sm font-semibold text-green-800">
        {notice}
      </p>
    ) : null;
  }
  const names = NAMES[target];
  return (
    <ActionForm
      title={names.title}
      variant="danger"
      submitLabel={names.title}
      description={
        <p>
          구매자의 {names.thing}을 중지해요(해지가 아니에요). 구매자의 계정 페이지에 ‘운영자가 자동결제를 중지했어요. 고객센터로 문의해
          주세요.’가 보이고, 구매자는 다시 시작할 수 있어요. 이미 진행 중인 결제는 끝까지 처리되고, 결제된 주문은 환불로 처리해요.
        </p>
      }
      send={(data) => (target === "PLAN" ? disablePlanAction : disableTopUpAction)(orderId, { reason: String(data.get("reason") ?? "") })}
      done={(r) => {
        const text = outcome(r);
        setNotice(text);
        return text;
      }}
    />
  );
}
