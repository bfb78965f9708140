-- CreateTable
CREATE TABLE "ServiceSchedule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serviceArn" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "windows" TEXT NOT NULL,
    "exceptions" TEXT NOT NULL DEFAULT '[]',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nextRunAt" DATETIME NOT NULL,
    "lastDesired" TEXT,
    "lastResult" TEXT,
    "lastRunAt" DATETIME,
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceSchedule_serviceArn_key" ON "ServiceSchedule"("serviceArn");

-- CreateIndex
CREATE INDEX "ServiceSchedule_enabled_nextRunAt_idx" ON "ServiceSchedule"("enabled", "nextRunAt");
