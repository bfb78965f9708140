-- CreateTable
CREATE TABLE "MigrationPlan" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "serviceArn" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "readiness" TEXT NOT NULL,
    "monthlyDifference" DOUBLE PRECISION,
    "plan" TEXT NOT NULL,
    "cost" TEXT,
    "authorId" TEXT,
    "author" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MigrationPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MigrationPlan_serviceArn_createdAt_idx" ON "MigrationPlan"("serviceArn", "createdAt");
