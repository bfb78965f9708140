-- CreateTable
CREATE TABLE "MigrationPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "serviceArn" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "readiness" TEXT NOT NULL,
    "monthlyDifference" REAL,
    "plan" TEXT NOT NULL,
    "cost" TEXT,
    "authorId" TEXT,
    "author" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "MigrationPlan_serviceArn_createdAt_idx" ON "MigrationPlan"("serviceArn", "createdAt");
