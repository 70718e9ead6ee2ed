-- CreateEnum
CREATE TYPE "SandboxBillingAuthStatus" AS ENUM ('READY', 'AUTHENTICATED', 'ISSUED');

-- CreateEnum
CREATE TYPE "SandboxBillingCardState" AS ENUM ('NORMAL', 'LOST_OR_STOLEN', 'EXPIRED');

-- CreateTable
CREATE TABLE "SandboxBillingAuth" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "customerKey" TEXT NOT NULL,
    "sdkVersion" TEXT NOT NULL,
    "successUrl" TEXT NOT NULL,
    "failUrl" TEXT NOT NULL,
    "customerEmail" TEXT,
    "customerName" TEXT,
    "status" "SandboxBillingAuthStatus" NOT NULL DEFAULT 'READY',
    "authKey" TEXT,
    "cardNumber" TEXT NOT NULL,
    "cardType" TEXT NOT NULL DEFAULT '신용',
    "ownerType" TEXT NOT NULL DEFAULT '개인',
    "cardIssuerCode" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "authenticatedAt" TIMESTAMP(3),
    "issuedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxBillingAuth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxBillingKey" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "billingKey" TEXT NOT NULL,
    "customerKey" TEXT NOT NULL,
    "authId" TEXT NOT NULL,
    "cardIssuerCode" TEXT NOT NULL,
    "cardNumber" TEXT NOT NULL,
    "cardType" TEXT NOT NULL,
    "ownerType" TEXT NOT NULL,
    "authenticatedAt" TIMESTAMP(3) NOT NULL,
    "cardState" "SandboxBillingCardState" NOT NULL DEFAULT 'NORMAL',
    "nextChargeErrorCode" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxBillingKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxBillingAuth_authKey_key" ON "SandboxBillingAuth"("authKey");

-- CreateIndex
CREATE INDEX "SandboxBillingAuth_merchantId_createdAt_idx" ON "SandboxBillingAuth"("merchantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxBillingKey_billingKey_key" ON "SandboxBillingKey"("billingKey");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxBillingKey_authId_key" ON "SandboxBillingKey"("authId");

-- CreateIndex
CREATE INDEX "SandboxBillingKey_merchantId_createdAt_idx" ON "SandboxBillingKey"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "SandboxBillingKey_customerKey_idx" ON "SandboxBillingKey"("customerKey");
