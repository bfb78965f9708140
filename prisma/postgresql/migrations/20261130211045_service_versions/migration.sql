-- CreateTable
CREATE TABLE "ServiceVersion" (
    "id" TEXT NOT NULL,
    "serviceArn" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "authorId" TEXT,
    "author" TEXT,
    "operationId" TEXT,
    "config" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "restoredFrom" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceVersion_operationId_key" ON "ServiceVersion"("operationId");

-- CreateIndex
CREATE INDEX "ServiceVersion_serviceArn_createdAt_idx" ON "ServiceVersion"("serviceArn", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceVersion_serviceArn_number_key" ON "ServiceVersion"("serviceArn", "number");
