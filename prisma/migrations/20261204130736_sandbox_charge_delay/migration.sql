-- AlterTable
ALTER TABLE "SandboxBillingKey" ADD COLUMN     "nextChargeDelayMs" INTEGER;
