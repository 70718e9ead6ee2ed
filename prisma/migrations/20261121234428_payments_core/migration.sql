-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "canceledAt" TIMESTAMP(3),
ADD COLUMN     "confirmAttemptedAt" TIMESTAMP(3),
ADD COLUMN     "depositSecret" TEXT,
ADD COLUMN     "failureCode" TEXT,
ADD COLUMN     "failureMessage" TEXT,
ADD COLUMN     "receiptUrl" TEXT,
ADD COLUMN     "tossStatus" TEXT,
ADD COLUMN     "virtualAccountBank" TEXT,
ADD COLUMN     "virtualAccountDueDate" TIMESTAMP(3),
ADD COLUMN     "virtualAccountNumber" TEXT;

-- CreateTable
CREATE TABLE "CreditBalance" (
    "userId" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditBalance_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "TossWebhookReceipt" (
    "id" TEXT NOT NULL,
    "transmissionId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "orderId" TEXT,
    "retriedCount" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "TossWebhookReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TossWebhookReceipt_transmissionId_key" ON "TossWebhookReceipt"("transmissionId");

-- CreateIndex
CREATE INDEX "TossWebhookReceipt_orderId_idx" ON "TossWebhookReceipt"("orderId");

-- CreateIndex
CREATE INDEX "Order_confirmAttemptedAt_idx" ON "Order"("confirmAttemptedAt");

-- AddForeignKey
ALTER TABLE "CreditBalance" ADD CONSTRAINT "CreditBalance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
