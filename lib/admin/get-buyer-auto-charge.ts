import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

type AutoChargeStatus = "ACTIVE" | "PAUSED" | "DISABLED" | "CANCELED";

/**
 * A buyer's automatic purchases as the console shows them: the saved card (company and masked number:
 * its billing key is never selected, so it cannot reach a page or an API answer), the monthly plan and
 * the threshold top-up, each with its status and, when stopped, why.
 */
export interface BuyerAutoCharge {
  card: { cardCompany: string | null; cardNumber: string | null; cardType: string | null; createdAt: string } | null;
  plan: {
    productCode: string;
    productName: string;
    chargeDay: number;
    nextChargeAt: string;
    status: AutoChargeStatus;
    failureCode: string | null;
    failureMessage: string | null;
    updatedAt: string;
  } | null;
  topUp: {
    productCode: string;
    productName: string;
    thresholdCredits: number;
    status: AutoChargeStatus;
    failureCode: string | null;
    failureMessage: string | null;
    updatedAt: string;
  } | null;
  /** AUTO_TOP_UP_ENABLED: when off, a top-up the buyer set up earlier is never charged */
  topUpEnabled: boolean;
}

const product = { select: { name: true } } as const;

export async function getBuyerAutoCharge(userId: string): Promise<BuyerAutoCharge> {
  const [card, plan, topUp] = await Promise.all([
    db.billingCard.findFirst({
      where: { userId, status: "ACTIVE" },
      select: { cardCompany: true, cardNumber: true, cardType: true, createdAt: true },
    }),
    db.creditPlan.findUnique({
      where: { userId },
      select: {
        productCode: true,
        chargeDay: true,
        nextChargeAt: true,
        status: true,
        failureCode: true,
        failureMessage: true,
        updatedAt: true,
        product,
      },
    }),
    db.autoTopUp.findUnique({
      where: { userId },
      select: { productCode: true, thresholdCredits: true, status: true, failureCode: true, failureMessage: true, updatedAt: true, product },
    }),
  ]);
  return {
    card: card && { ...card, createdAt: card.createdAt.toISOString() },
    plan: plan && {
      productCode: plan.productCode,
      productName: plan.product.name,
      chargeDay: plan.chargeDay,
      nextChargeAt: plan.nextChargeAt.toISOString(),
      status: plan.status,
      failureCode: plan.failureCode,
      failureMessage: plan.failureMessage,
      updatedAt: plan.updatedAt.toISOString(),
    },
    topUp: topUp && {
      productCode: topUp.productCode,
      productName: topUp.product.name,
      thresholdCredits: topUp.thresholdCredits,
      status: topUp.status,
      failureCode: topUp.failureCode,
      failureMessage: topUp.failureMessage,
      updatedAt: topUp.updatedAt.toISOString(),
    },
    topUpEnabled: env.autoTopUp.enabled,
  };
}
