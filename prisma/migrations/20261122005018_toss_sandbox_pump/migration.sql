-- CreateTable
CREATE TABLE "SandboxPumpRun" (
    "id" TEXT NOT NULL,
    "lastRunAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxPumpRun_pkey" PRIMARY KEY ("id")
);
