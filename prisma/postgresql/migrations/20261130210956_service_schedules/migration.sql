-- CreateTable
CREATE TABLE "ServiceSchedule" (
    "id" TEXT NOT NULL,
    "serviceArn" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "windows" TEXT NOT NULL,
    "exceptions" TEXT NOT NULL DEFAULT '[]',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "lastDesired" TEXT,
    "lastResult" TEXT,
    "lastRunAt" TIMESTAMP(3),
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceSchedule_serviceArn_key" ON "ServiceSchedule"("serviceArn");

-- CreateIndex
CREATE INDEX "ServiceSchedule_enabled_nextRunAt_idx" ON "ServiceSchedule"("enabled", "nextRunAt");
