-- CreateTable
CREATE TABLE "AutoTopUp" (
    "userId" TEXT NOT NULL,
    "productCode" TEXT NOT NULL,
    "thresholdCredits" INTEGER NOT NULL,
    "status" "CreditPlanStatus" NOT NULL DEFAULT 'ACTIVE',
    "agreementVersion" TEXT NOT NULL,
    "agreedAt" TIMESTAMPTZ(3) NOT NULL,
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AutoTopUp_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Order_userId_automatic_in_flight_key" ON "Order"("userId") WHERE ("kind" <> 'CHECKOUT' AND "status" = 'PENDING' AND "confirmAttemptedAt" IS NOT NULL);

-- AddForeignKey
ALTER TABLE "AutoTopUp" ADD CONSTRAINT "AutoTopUp_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutoTopUp" ADD CONSTRAINT "AutoTopUp_productCode_fkey" FOREIGN KEY ("productCode") REFERENCES "Product"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A threshold of at least one credit.
ALTER TABLE "AutoTopUp" ADD CONSTRAINT "AutoTopUp_thresholdCredits_check" CHECK ("thresholdCredits" BETWEEN 1 AND 10000);
