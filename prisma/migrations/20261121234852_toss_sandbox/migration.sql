-- CreateEnum
CREATE TYPE "SandboxPaymentStatus" AS ENUM ('READY', 'IN_PROGRESS', 'WAITING_FOR_DEPOSIT', 'DONE', 'CANCELED', 'PARTIAL_CANCELED', 'ABORTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "SandboxIdempotencyStatus" AS ENUM ('IN_FLIGHT', 'DONE');

-- CreateEnum
CREATE TYPE "SandboxWebhookStatus" AS ENUM ('PENDING', 'SENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "SandboxMerchant" (
    "id" TEXT NOT NULL,
    "webhookUrl" TEXT,
    "timeScale" DOUBLE PRECISION,
    "nextConfirmErrorCode" TEXT,
    "nextConfirmDelayMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxMerchant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxPayment" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "paymentKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "easyPayProvider" TEXT,
    "status" "SandboxPaymentStatus" NOT NULL DEFAULT 'READY',
    "totalAmount" INTEGER NOT NULL,
    "balanceAmount" INTEGER NOT NULL,
    "customerKey" TEXT NOT NULL,
    "customerEmail" TEXT,
    "customerName" TEXT,
    "successUrl" TEXT NOT NULL,
    "failUrl" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "authenticatedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "lastTransactionKey" TEXT,
    "secret" TEXT,
    "cardIssuerCode" TEXT,
    "cardNumber" TEXT,
    "approveNo" TEXT,
    "accountNumber" TEXT,
    "bankCode" TEXT,
    "dueDate" TIMESTAMP(3),
    "accountExpired" BOOLEAN NOT NULL DEFAULT false,
    "refundStatus" TEXT NOT NULL DEFAULT 'NONE',
    "refundReceiveAccount" JSONB,
    "cancels" JSONB NOT NULL DEFAULT '[]',
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxIdempotencyKey" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "secretKeyHash" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" "SandboxIdempotencyStatus" NOT NULL DEFAULT 'IN_FLIGHT',
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "responseHeaders" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxIdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxWebhookDelivery" (
    "id" TEXT NOT NULL,
    "transmissionId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "paymentId" TEXT,
    "orderId" TEXT,
    "eventType" TEXT NOT NULL,
    "paymentStatus" TEXT,
    "body" TEXT NOT NULL,
    "status" "SandboxWebhookStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastUrl" TEXT,
    "lastResponseStatus" INTEGER,
    "lastResponseBody" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxWebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxPayment_paymentKey_key" ON "SandboxPayment"("paymentKey");

-- CreateIndex
CREATE INDEX "SandboxPayment_createdAt_idx" ON "SandboxPayment"("createdAt");

-- CreateIndex
CREATE INDEX "SandboxPayment_status_updatedAt_idx" ON "SandboxPayment"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxPayment_merchantId_orderId_key" ON "SandboxPayment"("merchantId", "orderId");

-- CreateIndex
CREATE INDEX "SandboxIdempotencyKey_expiresAt_idx" ON "SandboxIdempotencyKey"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxIdempotencyKey_key_secretKeyHash_method_path_key" ON "SandboxIdempotencyKey"("key", "secretKeyHash", "method", "path");

-- CreateIndex
CREATE INDEX "SandboxWebhookDelivery_status_nextAttemptAt_idx" ON "SandboxWebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SandboxWebhookDelivery_merchantId_createdAt_idx" ON "SandboxWebhookDelivery"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "SandboxWebhookDelivery_paymentId_createdAt_idx" ON "SandboxWebhookDelivery"("paymentId", "createdAt");

-- CreateIndex
CREATE INDEX "SandboxWebhookDelivery_transmissionId_idx" ON "SandboxWebhookDelivery"("transmissionId");
