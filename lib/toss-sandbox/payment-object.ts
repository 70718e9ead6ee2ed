// A sandbox payment row as Toss's Payment object (API version 2022-11-16): every field Toss sends is
// present, null where Toss gives null, amounts in integer won, times ISO 8601 in Korean time.
// Pure (the row and the base URL are passed in; the deployment's own hosts come from lib/env), so the
// shape is unit-tested.
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { ownOriginOf } from "@/lib/request-origin";
import { mIdOf } from "./keys";
import { toKstIso, toKstIsoOrNull } from "./time";

export const TOSS_API_VERSION = "2022-11-16";

/**
 * The sdkVersion a billing charge (POST /v1/billing/{billingKey}) is stored with: no browser SDK opened
 * it, and it is what makes the Payment object's type BILLING (the row has no type column of its own).
 */
export const BILLING_CHARGE = "billing";

/** One entry of Payment.cancels, as Toss writes it. */
export interface TossCancel {
  transactionKey: string;
  cancelReason: string;
  taxExemptionAmount: number;
  canceledAt: string;
  transferDiscountAmount: number;
  easyPayDiscountAmount: number;
  receiptKey: string | null;
  cancelAmount: number;
  taxFreeAmount: number;
  refundableAmount: number;
  cancelStatus: "DONE";
  cancelRequestId: string | null;
}

export interface RefundReceiveAccount {
  bankCode: string;
  accountNumber: string;
  holderName: string;
}

export type PaymentRecord = Omit<SandboxPayment, "cancels" | "refundReceiveAccount"> & {
  cancels: unknown;
  refundReceiveAccount: unknown;
};

export function cancelsOf(payment: Pick<PaymentRecord, "cancels">): TossCancel[] {
  return Array.isArray(payment.cancels) ? (payment.cancels as TossCancel[]) : [];
}

/** Supply value and VAT of an amount as Toss splits them: VAT is a rounded eleventh. */
export function splitVat(amount: number, taxFreeAmount = 0): { suppliedAmount: number; vat: number } {
  const taxable = Math.max(0, amount - taxFreeAmount);
  const vat = Math.round(taxable / 11);
  return { suppliedAmount: taxable - vat, vat };
}

const AUTHENTICATED = new Set(["IN_PROGRESS", "WAITING_FOR_DEPOSIT", "DONE", "CANCELED", "PARTIAL_CANCELED", "ABORTED"]);
const ISSUED = new Set(["WAITING_FOR_DEPOSIT", "DONE", "CANCELED", "PARTIAL_CANCELED"]);

export function toPaymentObject(payment: PaymentRecord, appUrl: string) {
  // The sandbox's own pages (receipt, payment window) on the host the buyer paid from, when it is one of
  // this deployment's (a preview's branch URL); a shop elsewhere gets the configured app URL.
  const base = ownOriginOf(payment.successUrl) ?? appUrl;
  const authenticated = AUTHENTICATED.has(payment.status) || (payment.status === "EXPIRED" && payment.authenticatedAt);
  const issued = ISSUED.has(payment.status);
  const method = authenticated ? payment.method : null;
  const cancels = cancelsOf(payment);
  const { suppliedAmount, vat } = splitVat(payment.balanceAmount);
  const refundAccount = payment.refundReceiveAccount as RefundReceiveAccount | null;
  const billing = payment.sdkVersion === BILLING_CHARGE;

  return {
    mId: mIdOf(payment.merchantId),
    lastTransactionKey: payment.lastTransactionKey,
    paymentKey: payment.paymentKey,
    orderId: payment.orderId,
    orderName: payment.orderName,
    taxExemptionAmount: 0,
    status: payment.status,
    requestedAt: toKstIso(payment.requestedAt),
    approvedAt: toKstIsoOrNull(payment.approvedAt),
    useEscrow: false,
    cultureExpense: false,
    card:
      issued && method === "카드"
        ? {
            issuerCode: payment.cardIssuerCode,
            acquirerCode: payment.cardIssuerCode,
            number: payment.cardNumber,
            installmentPlanMonths: 0,
            isInterestFree: false,
            interestPayer: null,
            approveNo: payment.approveNo,
            useCardPoint: false,
            cardType: "신용",
            ownerType: "개인",
            acquireStatus: payment.status === "CANCELED" ? "CANCELED" : "READY",
            amount: payment.totalAmount,
          }
        : null,
    virtualAccount:
      issued && method === "가상계좌"
        ? {
            accountType: "일반",
            accountNumber: payment.accountNumber,
            bankCode: payment.bankCode,
            customerName: payment.customerName ?? "",
            dueDate: toKstIsoOrNull(payment.dueDate),
            refundStatus: payment.refundStatus,
            expired: payment.accountExpired,
            settlementStatus: payment.approvedAt ? "COMPLETED" : "INCOMPLETED",
            refundReceiveAccount: refundAccount,
            depositorName: payment.approvedAt ? (payment.customerName ?? null) : null,
          }
        : null,
    transfer: issued && method === "계좌이체" ? { bankCode: payment.bankCode, settlementStatus: "COMPLETED" } : null,
    mobilePhone:
      issued && method === "휴대폰"
        ? {
            customerMobilePhone: payment.customerMobilePhone,
            settlementStatus: "COMPLETED",
            receiptUrl: `${base}/sandbox/toss/receipt/${encodeURIComponent(payment.paymentKey)}`,
          }
        : null,
    giftCertificate: null,
    cashReceipt: null,
    cashReceipts: null,
    discount: null,
    cancels: cancels.length ? cancels : null,
    secret: payment.secret,
    type: billing ? "BILLING" : "NORMAL",
    easyPay:
      issued && method === "간편결제"
        ? { provider: payment.easyPayProvider ?? "토스페이", amount: payment.totalAmount, discountAmount: 0 }
        : null,
    country: "KR",
    failure: payment.failureCode ? { code: payment.failureCode, message: payment.failureMessage ?? "" } : null,
    isPartialCancelable: true,
    receipt: issued ? { url: `${base}/sandbox/toss/receipt/${encodeURIComponent(payment.paymentKey)}` } : null,
    // A billing charge has no payment window.
    checkout: billing ? null : { url: `${base}/sandbox/toss/pay/${payment.id}` },
    currency: "KRW",
    totalAmount: payment.totalAmount,
    balanceAmount: payment.balanceAmount,
    suppliedAmount,
    vat,
    taxFreeAmount: 0,
    method,
    version: TOSS_API_VERSION,
    metadata: null,
  };
}

export type TossPaymentObject = ReturnType<typeof toPaymentObject>;
