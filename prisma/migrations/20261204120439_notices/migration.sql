-- CreateEnum
CREATE TYPE "BillingConsentScope" AS ENUM ('PLAN', 'TOP_UP');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('PLAN_UPCOMING', 'PLAN_DECLINED', 'TOP_UP_DECLINED');

-- CreateEnum
CREATE TYPE "NoticeEmailStatus" AS ENUM ('NONE', 'PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "BillingConsent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scope" "BillingConsentScope" NOT NULL,
    "agreementVersion" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "agreedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BillingConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "emailStatus" "NoticeEmailStatus" NOT NULL DEFAULT 'NONE',
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,
    "emailClaimedAt" TIMESTAMPTZ(3),
    "emailSentAt" TIMESTAMPTZ(3),
    "emailError" TEXT,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BillingConsent_userId_scope_agreedAt_key" ON "BillingConsent"("userId", "scope", "agreedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_dedupeKey_key" ON "Notice"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notice_userId_createdAt_idx" ON "Notice"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notice_emailStatus_emailClaimedAt_idx" ON "Notice"("emailStatus", "emailClaimedAt");

-- AddForeignKey
ALTER TABLE "BillingConsent" ADD CONSTRAINT "BillingConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
