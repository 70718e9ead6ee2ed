// Saved cards (BillingCard): the registration window's authKey exchanged for Toss's billing key and kept,
// at most one ACTIVE card per user (a partial unique index), and removal (the key deleted at Toss, the
// card never charged again). A billing key never leaves the server.
import "server-only";
import { db } from "@/lib/db";
import { logEvent } from "@/lib/log";
import { BillingNotConfiguredError, deleteBillingKey, issueBillingKey } from "@/lib/toss/billing";
import { TossApiError } from "@/lib/toss/errors";
import { billingErrors } from "./errors";

/** What the buyer may see of a saved card: never its billing key. */
export interface CardView {
  id: string;
  cardCompany: string | null;
  cardNumber: string | null;
  cardType: string | null;
  createdAt: string;
}

function toView(card: { id: string; cardCompany: string | null; cardNumber: string | null; cardType: string | null; createdAt: Date }): CardView {
  return { id: card.id, cardCompany: card.cardCompany, cardNumber: card.cardNumber, cardType: card.cardType, createdAt: card.createdAt.toISOString() };
}

/** The user's ACTIVE card, as the buyer may see it; null when none. */
export async function getActiveCard(userId: string): Promise<CardView | null> {
  const card = await db.billingCard.findFirst({ where: { userId, status: "ACTIVE" } });
  return card ? toView(card) : null;
}

/**
 * The registration window's success: `customerKey` must be this user's (the redirect carries it, and a
 * link from another account must not attach that account's card here), then Toss issues the billing key
 * for `authKey`, and the card becomes the user's ACTIVE one; an earlier ACTIVE card is REMOVED in the same
 * transaction and its key deleted at Toss afterwards. A refresh of the success page (the same authKey)
 * gets the same billing key from Toss (lib/toss/billing.ts keys the exchange by the authKey) and keeps
 * the one card.
 */
export async function saveRegisteredCard(userId: string, input: { authKey: string; customerKey: string }): Promise<CardView> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { customerKey: true } });
  if (input.customerKey !== user.customerKey) throw billingErrors.customerMismatch();
  let billing;
  try {
    ({ data: billing } = await issueBillingKey(input));
  } catch (error) {
    if (error instanceof BillingNotConfiguredError) throw billingErrors.notConfigured();
    if (!(error instanceof TossApiError)) throw error;
    logEvent("warn", "billing.issue_failed", { code: error.code, kind: error.kind, tossTraceId: error.traceId ?? undefined });
    if (error.kind === "final") throw billingErrors.registrationRefused(error.message);
    throw billingErrors.registrationUnknown();
  }
  if (billing.customerKey !== user.customerKey) throw billingErrors.customerMismatch();

  const { card, replaced } = await db.$transaction(async (tx) => {
    const existing = await tx.billingCard.findUnique({ where: { billingKey: billing.billingKey } });
    if (existing) return { card: existing, replaced: [] as { billingKey: string }[] };
    const previous = await tx.billingCard.findMany({ where: { userId, status: "ACTIVE" }, select: { id: true, billingKey: true } });
    if (previous.length) {
      await tx.billingCard.updateMany({ where: { id: { in: previous.map((c) => c.id) } }, data: { status: "REMOVED", removedAt: new Date() } });
    }
    const created = await tx.billingCard.create({
      data: {
        userId,
        billingKey: billing.billingKey,
        customerKey: billing.customerKey,
        cardCompany: billing.cardCompany ?? null,
        cardNumber: billing.cardNumber ?? billing.card?.number ?? null,
        cardType: billing.card?.cardType ?? null,
      },
    });
    return { card: created, replaced: previous };
  });
  for (const old of replaced) await deleteAtToss(old.billingKey);
  logEvent("info", "billing.card_saved", { userId, cardId: card.id, replaced: replaced.length });
  return toView(card);
}

/**
 * Removes the user's ACTIVE card: REMOVED here first (nothing charges it from then on, whatever Toss
 * answers), then its billing key deleted at Toss. Returns false when the user had no active card.
 */
export async function removeCard(userId: string): Promise<boolean> {
  const [card] = await db.$queryRaw<{ billingKey: string }[]>`
    UPDATE "BillingCard" SET "status" = 'REMOVED', "removedAt" = now()
    WHERE "userId" = ${userId} AND "status" = 'ACTIVE'
    RETURNING "billingKey"`;
  if (!card) return false;
  await deleteAtToss(card.billingKey);
  return true;
}

/** DELETE at Toss; a failure is logged, not thrown: the card is already never used again here. */
async function deleteAtToss(billingKey: string): Promise<void> {
  try {
    await deleteBillingKey(billingKey);
  } catch (error) {
    if (!(error instanceof TossApiError) && !(error instanceof BillingNotConfiguredError)) throw error;
    logEvent("warn", "billing.delete_failed", { code: error instanceof TossApiError ? error.code : "NOT_CONFIGURED" });
  }
}
