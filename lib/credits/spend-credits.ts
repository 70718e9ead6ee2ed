import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const insufficientCredits = () =>
  new AppError({ code: "INSUFFICIENT_CREDITS", status: 409, userMessage: "크레딧이 부족해요. 크레딧 팩을 구매해 주세요." });

/**
 * Takes `amount` credits from the user, never below zero, whatever the concurrency: the balance is
 * decremented by one conditional update (balance >= amount), in the same transaction as the ledger row.
 * Returns the new balance.
 */
export async function spendCredits(userId: string, amount: number, reason: string): Promise<number> {
  if (!Number.isInteger(amount) || amount <= 0) throw new Error(`spendCredits: amount must be a positive integer, got ${amount}`);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ balance: number }[]>`
      UPDATE "CreditBalance" SET "balance" = "balance" - ${amount}, "updatedAt" = now()
      WHERE "userId" = ${userId} AND "balance" >= ${amount}
      RETURNING "balance"`;
    if (rows.length === 0) throw insufficientCredits();
    await tx.creditLedger.create({ data: { userId, kind: "SPEND", amount: -amount, reason } });
    return rows[0]!.balance;
  });
}
