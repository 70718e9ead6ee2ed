-- CreateEnum
CREATE TYPE "OrderKind" AS ENUM ('CHECKOUT', 'PLAN', 'TOP_UP');

-- CreateEnum
CREATE TYPE "BillingCardStatus" AS ENUM ('ACTIVE', 'REMOVED');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "billingCardId" TEXT,
ADD COLUMN     "chargeKey" TEXT,
ADD COLUMN     "kind" "OrderKind" NOT NULL DEFAULT 'CHECKOUT';

-- CreateTable
CREATE TABLE "BillingCard" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "billingKey" TEXT NOT NULL,
    "customerKey" TEXT NOT NULL,
    "cardCompany" TEXT,
    "cardNumber" TEXT,
    "cardType" TEXT,
    "status" "BillingCardStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BillingCard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BillingCard_billingKey_key" ON "BillingCard"("billingKey");

-- CreateIndex
CREATE UNIQUE INDEX "BillingCard_userId_active_key" ON "BillingCard"("userId") WHERE ("status" = 'ACTIVE');

-- CreateIndex
CREATE UNIQUE INDEX "Order_chargeKey_key" ON "Order"("chargeKey");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_billingCardId_fkey" FOREIGN KEY ("billingCardId") REFERENCES "BillingCard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingCard" ADD CONSTRAINT "BillingCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
