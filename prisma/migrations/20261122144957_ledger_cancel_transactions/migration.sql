-- Partial cancels take credits back (issue 12, item 2): one REVERSAL per Toss cancel transaction
-- instead of one per order. The one-grant-per-order key stays, as a partial unique index on GRANT rows.
-- Reversals written before this migration keep a null transactionKey, and the settle statement counts them
-- in what was already reversed, so an order is never reversed beyond its grant.

-- AlterTable
ALTER TABLE "CreditLedger" ADD COLUMN     "transactionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "CreditLedger_transactionKey_key" ON "CreditLedger"("transactionKey");

-- CreateIndex
CREATE UNIQUE INDEX "CreditLedger_orderId_grant_key" ON "CreditLedger"("orderId") WHERE ("kind" = 'GRANT');

-- CreateIndex
CREATE INDEX "CreditLedger_orderId_kind_idx" ON "CreditLedger"("orderId", "kind");

-- DropIndex (after its replacement exists, so that no moment allows a second grant)
DROP INDEX "CreditLedger_orderId_kind_key";
