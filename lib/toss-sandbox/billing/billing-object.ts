// A sandbox billing key as Toss's Billing object (API version 2022-11-16; docs "코어 API", "Billing 객체"):
// mId, customerKey, authenticatedAt, method, billingKey, card { issuerCode, acquirerCode, number,
// cardType, ownerType }, and cardCompany / cardNumber, which version 2024-06-01 removed but 2022-11-16
// still sends. Pure, so the shape is unit-tested.
import type { SandboxBillingKey } from "@/lib/generated/prisma/client";
import { cardCompanyOf } from "../banks";
import { mIdOf } from "../keys";
import { toKstIso } from "../time";

export type BillingRecord = Pick<
  SandboxBillingKey,
  "merchantId" | "customerKey" | "authenticatedAt" | "billingKey" | "cardIssuerCode" | "cardNumber" | "cardType" | "ownerType"
>;

export function toBillingObject(key: BillingRecord) {
  return {
    mId: mIdOf(key.merchantId),
    customerKey: key.customerKey,
    authenticatedAt: toKstIso(key.authenticatedAt),
    method: "카드",
    billingKey: key.billingKey,
    card: {
      issuerCode: key.cardIssuerCode,
      acquirerCode: key.cardIssuerCode,
      number: key.cardNumber,
      cardType: key.cardType,
      ownerType: key.ownerType,
    },
    cardCompany: cardCompanyOf(key.cardIssuerCode),
    cardNumber: key.cardNumber,
  };
}

export type TossBillingObject = ReturnType<typeof toBillingObject>;
