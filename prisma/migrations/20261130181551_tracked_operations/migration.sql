-- CreateTable
CREATE TABLE "Lease" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TrackedOperation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "operationId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "serviceArn" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "request" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "finalStatus" TEXT,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "nextCheckAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "TrackedOperation_operationId_key" ON "TrackedOperation"("operationId");

-- CreateIndex
CREATE INDEX "TrackedOperation_state_nextCheckAt_idx" ON "TrackedOperation"("state", "nextCheckAt");
