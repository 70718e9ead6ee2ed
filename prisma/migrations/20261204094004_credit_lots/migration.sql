-- CreateEnum
CREATE TYPE "CreditLotSource" AS ENUM ('ORDER', 'BONUS', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "CreditSpendKind" AS ENUM ('SPEND', 'HOLD', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "CreditSpendStatus" AS ENUM ('SPENT', 'HELD', 'CAPTURED', 'RELEASED', 'EXPIRED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CreditEntryKind" ADD VALUE 'BONUS';
ALTER TYPE "CreditEntryKind" ADD VALUE 'HOLD';
ALTER TYPE "CreditEntryKind" ADD VALUE 'RELEASE';
ALTER TYPE "CreditEntryKind" ADD VALUE 'EXPIRE';

-- AlterTable
ALTER TABLE "CreditLedger" ADD COLUMN     "lotId" TEXT,
ADD COLUMN     "shortfall" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "spendId" TEXT;

-- CreateTable
CREATE TABLE "CreditLot" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "source" "CreditLotSource" NOT NULL,
    "orderId" TEXT,
    "grantKey" TEXT,
    "amount" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    "consumedBeforeLots" INTEGER NOT NULL DEFAULT 0,
    "priority" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "expiredAt" TIMESTAMPTZ(3),
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditSpend" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "kind" "CreditSpendKind" NOT NULL,
    "status" "CreditSpendStatus" NOT NULL,
    "amount" INTEGER NOT NULL,
    "captured" INTEGER,
    "reason" TEXT NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "heldUntil" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditSpend_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CreditLot_orderId_key" ON "CreditLot"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditLot_grantKey_key" ON "CreditLot"("grantKey");

-- CreateIndex
CREATE INDEX "CreditLot_userId_priority_expiresAt_createdAt_idx" ON "CreditLot"("userId", "priority", "expiresAt", "createdAt");

-- CreateIndex
CREATE INDEX "CreditLot_expiresAt_open_idx" ON "CreditLot"("expiresAt") WHERE ("remaining" > 0);

-- CreateIndex
CREATE INDEX "CreditSpend_heldUntil_held_idx" ON "CreditSpend"("heldUntil") WHERE ("status" = 'HELD');

-- CreateIndex
CREATE INDEX "CreditSpend_userId_createdAt_idx" ON "CreditSpend"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CreditSpend_userId_idempotencyKey_key" ON "CreditSpend"("userId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "CreditLedger_lotId_idx" ON "CreditLedger"("lotId");

-- CreateIndex
CREATE INDEX "CreditLedger_spendId_idx" ON "CreditLedger"("spendId");

-- AddForeignKey
ALTER TABLE "CreditLedger" ADD CONSTRAINT "CreditLedger_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "CreditLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditLedger" ADD CONSTRAINT "CreditLedger_spendId_fkey" FOREIGN KEY ("spendId") REFERENCES "CreditSpend"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditLot" ADD CONSTRAINT "CreditLot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditLot" ADD CONSTRAINT "CreditLot_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditSpend" ADD CONSTRAINT "CreditSpend_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A lot never holds less than nothing or more than it was granted: a spend or reservation is of at
-- least one credit and captures no more than it held. These, not application code, keep a balance
-- from going negative however spends, refunds and expiries race.
ALTER TABLE "CreditLot" ADD CONSTRAINT "CreditLot_remaining_check" CHECK ("remaining" >= 0 AND "remaining" <= "amount");
ALTER TABLE "CreditLot" ADD CONSTRAINT "CreditLot_amount_check" CHECK ("amount" > 0 AND "consumedBeforeLots" >= 0 AND "consumedBeforeLots" <= "amount");
ALTER TABLE "CreditSpend" ADD CONSTRAINT "CreditSpend_amount_check" CHECK ("amount" > 0 AND "balanceAfter" >= 0);
ALTER TABLE "CreditSpend" ADD CONSTRAINT "CreditSpend_captured_check" CHECK ("captured" IS NULL OR ("captured" >= 0 AND "captured" <= "amount"));

-- Today's balances become lots. Every positive entry of the ledger (a paid order's GRANT, an operator's
-- + ADJUSTMENT) becomes a lot with the entry's own id, valid 5 years from its grant (the default of
-- CREDIT_VALIDITY_MONTHS: a migration cannot read the configuration). What was consumed comes out of
-- them: each order's reversals from its own lot first, then every other negative entry (spends,
-- - adjustments, reversals beyond their lot) first in, first out. The sum of a user's lots' remaining
-- is then their balance, to the credit.
INSERT INTO "CreditLot" ("id", "userId", "source", "orderId", "amount", "remaining", "priority", "expiresAt", "reason", "createdAt")
SELECT l."id", l."userId",
       CASE WHEN l."kind" = 'GRANT' THEN 'ORDER'::"CreditLotSource" ELSE 'ADJUSTMENT'::"CreditLotSource" END,
       CASE WHEN l."kind" = 'GRANT' THEN l."orderId" END,
       l."amount", l."amount", 1,
       (l."createdAt" AT TIME ZONE 'UTC') + interval '60 months', l."reason", l."createdAt" AT TIME ZONE 'UTC'
FROM "CreditLedger" l
WHERE l."amount" > 0 AND l."kind" IN ('GRANT', 'ADJUSTMENT');

WITH "own" AS (
  SELECT lot."id", lot."userId", lot."createdAt",
         lot."amount" - LEAST(lot."amount", COALESCE(-SUM(r."amount"), 0)) AS "left",
         LEAST(lot."amount", COALESCE(-SUM(r."amount"), 0)) AS "reversedHere"
  FROM "CreditLot" lot
  LEFT JOIN "CreditLedger" r ON lot."orderId" IS NOT NULL AND r."orderId" = lot."orderId" AND r."kind" = 'REVERSAL'
  GROUP BY lot."id"
), "consumed" AS (
  SELECT n."userId", n."negative" - COALESCE(o."reversedHere", 0) AS "fifo"
  FROM (SELECT "userId", -SUM("amount") AS "negative" FROM "CreditLedger" WHERE "amount" < 0 GROUP BY "userId") n
  LEFT JOIN (SELECT "userId", SUM("reversedHere") AS "reversedHere" FROM "own" GROUP BY "userId") o ON o."userId" = n."userId"
), "fifo" AS (
  SELECT own."id", own."left",
         SUM(own."left") OVER (PARTITION BY own."userId" ORDER BY own."createdAt", own."id") AS "upTo",
         COALESCE(c."fifo", 0) AS "fifoConsumed"
  FROM "own" LEFT JOIN "consumed" c ON c."userId" = own."userId"
)
UPDATE "CreditLot" lot
SET "remaining" = GREATEST(0, LEAST(f."left", f."upTo" - f."fifoConsumed")),
    "consumedBeforeLots" = lot."amount" - GREATEST(0, LEAST(f."left", f."upTo" - f."fifoConsumed"))
FROM "fifo" f
WHERE lot."id" = f."id";

-- The grants name their lots.
UPDATE "CreditLedger" SET "lotId" = "id" WHERE "amount" > 0 AND "kind" IN ('GRANT', 'ADJUSTMENT');

-- A balance below zero (credits taken back for a cancel after they were spent) cannot exist among lots:
-- one ADJUSTMENT per such user brings the ledger to zero, where the lots are, and tells the operator
-- how many credits the buyer had spent beyond what they paid for.
INSERT INTO "CreditLedger" ("id", "userId", "kind", "amount", "reason", "createdAt")
SELECT gen_random_uuid()::text, "userId", 'ADJUSTMENT'::"CreditEntryKind", -SUM("amount"),
       '크레딧 묶음 전환: 마이너스 잔액 정리 (' || SUM("amount") || ')', now() AT TIME ZONE 'UTC'
FROM "CreditLedger"
GROUP BY "userId"
HAVING SUM("amount") < 0;
