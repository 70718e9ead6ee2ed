-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "topUpDay" DATE,
ADD COLUMN     "topUpSlot" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Order_userId_topUpDay_topUpSlot_key" ON "Order"("userId", "topUpDay", "topUpSlot");

-- A top-up's day and number come together, numbered from 1
ALTER TABLE "Order" ADD CONSTRAINT "Order_topUpSlot_check" CHECK (("topUpDay" IS NULL) = ("topUpSlot" IS NULL) AND ("topUpSlot" IS NULL OR "topUpSlot" >= 1));
