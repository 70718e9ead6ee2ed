-- AlterTable
ALTER TABLE "SandboxPayment" ADD COLUMN     "nextConfirmDelayMs" INTEGER,
ADD COLUMN     "nextConfirmErrorCode" TEXT;
