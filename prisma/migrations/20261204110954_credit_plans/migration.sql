-- CreateEnum
CREATE TYPE "CreditPlanStatus" AS ENUM ('ACTIVE', 'PAUSED', 'DISABLED', 'CANCELED');

-- CreateTable
CREATE TABLE "CreditPlan" (
    "userId" TEXT NOT NULL,
    "productCode" TEXT NOT NULL,
    "status" "CreditPlanStatus" NOT NULL DEFAULT 'ACTIVE',
    "chargeDay" INTEGER NOT NULL,
    "nextChargeAt" TIMESTAMPTZ(3) NOT NULL,
    "agreementVersion" TEXT NOT NULL,
    "agreedAt" TIMESTAMPTZ(3) NOT NULL,
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CreditPlan_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "CreditPlan_status_nextChargeAt_idx" ON "CreditPlan"("status", "nextChargeAt");

-- AddForeignKey
ALTER TABLE "CreditPlan" ADD CONSTRAINT "CreditPlan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditPlan" ADD CONSTRAINT "CreditPlan_productCode_fkey" FOREIGN KEY ("productCode") REFERENCES "Product"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A plan is charged on a day every month has.
ALTER TABLE "CreditPlan" ADD CONSTRAINT "CreditPlan_chargeDay_check" CHECK ("chargeDay" BETWEEN 1 AND 28);
