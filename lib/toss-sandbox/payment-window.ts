// The payment window's three exits (/sandbox/toss/pay/{id}), redirecting exactly as Toss does:
// - 결제 승인: the buyer authenticates; the payment becomes IN_PROGRESS (the 10-minute confirm window
//   starts) and the browser goes to successUrl?paymentType=NORMAL&orderId=…&paymentKey=…&amount=…
// - 실패 처리: failUrl?code=…&message=…&orderId=… with the chosen code (the payment stays READY:
//   a failed authentication changes nothing at Toss and sends no webhook)
// - 결제 취소: failUrl with PAY_PROCESS_CANCELED
// A query string successUrl or failUrl already had is kept.
import "server-only";
import { db } from "@/lib/db";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { bankCodeOf, CARD_COMPANIES, DEFAULT_BANK_CODE, DEFAULT_CARD_COMPANY } from "./banks";
import { SandboxConsoleError } from "./console-error";
import { PAYMENT_WINDOW_FAILURES, type PaymentWindowFailureCode } from "./errors";
import { expireIfStale } from "./expire";
import { MOBILE_PHONE_RULE } from "./widget-errors";

export function successRedirectUrl(payment: Pick<SandboxPayment, "successUrl" | "orderId" | "paymentKey" | "totalAmount">): string {
  const url = new URL(payment.successUrl);
  url.searchParams.append("paymentType", "NORMAL");
  url.searchParams.append("orderId", payment.orderId);
  url.searchParams.append("paymentKey", payment.paymentKey);
  url.searchParams.append("amount", String(payment.totalAmount));
  return url.toString();
}

export function failRedirectUrl(payment: Pick<SandboxPayment, "failUrl" | "orderId">, code: PaymentWindowFailureCode): string {
  const url = new URL(payment.failUrl);
  url.searchParams.append("code", code);
  url.searchParams.append("message", PAYMENT_WINDOW_FAILURES[code]);
  url.searchParams.append("orderId", payment.orderId);
  return url.toString();
}

async function openWindow(paymentId: string): Promise<SandboxPayment> {
  const found = await db.sandboxPayment.findUnique({ where: { id: paymentId } });
  if (!found) throw SandboxConsoleError.notFound("결제창");
  return expireIfStale(found);
}

/** 결제 승인. Pressing it twice (a double click, a refresh) lands on the same successUrl. */
export async function authenticatePayment(
  paymentId: string,
  choice: { bank?: string | null; card?: string | null; phone?: string | null },
): Promise<string> {
  const payment = await openWindow(paymentId);
  if (payment.status === "IN_PROGRESS") return successRedirectUrl(payment);
  if (payment.status === "EXPIRED") throw new SandboxConsoleError("EXPIRED", "결제 시간이 만료되었습니다. 처음부터 다시 시도해주세요.", 410);
  if (payment.status !== "READY") throw new SandboxConsoleError("ALREADY_PROCESSED", "이미 처리된 결제입니다.");

  const bankCode = (choice.bank && bankCodeOf(choice.bank)) || DEFAULT_BANK_CODE;
  const card = CARD_COMPANIES.find((c) => c.code === choice.card)?.code ?? DEFAULT_CARD_COMPANY;
  const phone = choice.phone?.replace(/\D/g, "") || payment.customerMobilePhone;
  if (payment.method === "휴대폰" && !(phone && MOBILE_PHONE_RULE.test(phone))) {
    throw new SandboxConsoleError("INVALID_PHONE", "휴대폰 번호를 숫자 8~15자리로 입력해주세요.", 400);
  }
  const { count } = await db.sandboxPayment.updateMany({
    where: { id: payment.id, status: "READY" },
    data: {
      status: "IN_PROGRESS",
      authenticatedAt: new Date(),
      failureCode: null,
      failureMessage: null,
      ...(payment.method === "가상계좌" || payment.method === "계좌이체" ? { bankCode } : {}),
      ...(payment.method === "휴대폰" ? { customerMobilePhone: phone } : {}),
      ...(payment.method === "카드" ? { cardIssuerCode: card } : {}),
    },
  });
  if (count === 0) return authenticatePayment(paymentId, choice);
  return successRedirectUrl(payment);
}

/** 실패 처리 / 결제 취소. */
export async function failPaymentWindow(paymentId: string, code: PaymentWindowFailureCode): Promise<string> {
  const payment = await openWindow(paymentId);
  if (payment.status !== "READY" && payment.status !== "EXPIRED") {
    throw new SandboxConsoleError("ALREADY_PROCESSED", "이미 처리된 결제입니다.");
  }
  if (code !== "PAY_PROCESS_CANCELED" && payment.status === "READY") {
    await db.sandboxPayment.updateMany({
      where: { id: payment.id, status: "READY" },
      data: { failureCode: code, failureMessage: PAYMENT_WINDOW_FAILURES[code] },
    });
  }
  return failRedirectUrl(payment, code);
}
