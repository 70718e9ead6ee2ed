// The console's "입금 처리": the buyer transfers the exact amount into the virtual account. The payment
// becomes DONE (approvedAt set, a new transactionKey) and DEPOSIT_CALLBACK and PAYMENT_STATUS_CHANGED
// go out. In Toss's test environment this is the button in the developer center.
import "server-only";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { SandboxConsoleError } from "./console-error";
import { newTransactionKey } from "./ids";
import { transitionPayment } from "./transition";
import { sendSoon } from "./webhooks/send-soon";

export async function depositVirtualAccount(payment: SandboxPayment): Promise<SandboxPayment> {
  if (payment.method !== "가상계좌") throw new SandboxConsoleError("NOT_VIRTUAL_ACCOUNT", "가상계좌 결제가 아닙니다.");
  if (payment.status !== "WAITING_FOR_DEPOSIT") {
    throw new SandboxConsoleError("NOT_WAITING_FOR_DEPOSIT", `${payment.status} 상태에서는 입금할 수 없습니다.`);
  }
  if (payment.accountExpired) throw new SandboxConsoleError("ACCOUNT_EXPIRED", "입금 기한이 지난 가상계좌입니다.");
  const done = await transitionPayment(
    payment.id,
    ["WAITING_FOR_DEPOSIT"],
    { status: "DONE", approvedAt: new Date(), lastTransactionKey: newTransactionKey() },
    { where: { accountExpired: false } },
  );
  if (!done) throw SandboxConsoleError.changed();
  sendSoon(done.deliveryIds);
  return done.payment;
}
