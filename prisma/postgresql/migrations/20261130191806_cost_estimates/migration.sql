-- CreateTable
CREATE TABLE "PriceTable" (
    "id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "notes" TEXT,
    "prices" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PriceTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostEstimate" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "connectionId" TEXT,
    "region" TEXT NOT NULL,
    "serviceArn" TEXT,
    "serviceName" TEXT,
    "authorId" TEXT,
    "author" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CostEstimate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostEstimateVersion" (
    "id" TEXT NOT NULL,
    "estimateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "notes" TEXT,
    "inputs" TEXT NOT NULL,
    "prices" TEXT NOT NULL,
    "monthlyTotal" DOUBLE PRECISION NOT NULL,
    "breakdown" TEXT NOT NULL,
    "authorId" TEXT,
    "author" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostEstimateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PriceTable_region_key" ON "PriceTable"("region");

-- CreateIndex
CREATE INDEX "CostEstimate_updatedAt_idx" ON "CostEstimate"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CostEstimateVersion_estimateId_version_key" ON "CostEstimateVersion"("estimateId", "version");

-- AddForeignKey
ALTER TABLE "CostEstimateVersion" ADD CONSTRAINT "CostEstimateVersion_estimateId_fkey" FOREIGN KEY ("estimateId") REFERENCES "CostEstimate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
