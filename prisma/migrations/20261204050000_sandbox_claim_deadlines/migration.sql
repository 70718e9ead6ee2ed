-- AlterTable
ALTER TABLE "SandboxIdempotencyKey" ADD COLUMN     "answerHeldUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "SandboxPayment" ADD COLUMN     "webhookUrl" TEXT;
