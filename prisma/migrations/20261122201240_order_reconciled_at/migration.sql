-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "reconciledAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Order_status_reconciledAt_idx" ON "Order"("status", "reconciledAt");
