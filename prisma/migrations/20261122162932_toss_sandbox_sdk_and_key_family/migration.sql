-- AlterTable
ALTER TABLE "SandboxPayment" ADD COLUMN     "customerMobilePhone" TEXT,
ADD COLUMN     "keyFamily" TEXT NOT NULL DEFAULT 'WIDGET',
ADD COLUMN     "sdkVersion" TEXT NOT NULL DEFAULT 'v1';
