-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "CatalogSystem" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerTeamId" TEXT,

    CONSTRAINT "CatalogSystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogEntry" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "serviceUrl" TEXT,
    "gone" BOOLEAN NOT NULL DEFAULT false,
    "goneAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3) NOT NULL,
    "ownerTeamId" TEXT,
    "tier" INTEGER,
    "lifecycle" TEXT NOT NULL DEFAULT 'experimental',
    "description" TEXT NOT NULL DEFAULT '',
    "systemId" TEXT,
    "repositoryUrl" TEXT,
    "runbookUrl" TEXT,
    "dashboardUrl" TEXT,
    "oncallUrl" TEXT,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "configFacts" TEXT,
    "factsAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogSyncLease" (
    "id" TEXT NOT NULL,
    "holder" TEXT,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "lastResult" TEXT,

    CONSTRAINT "CatalogSyncLease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE INDEX "TeamMember_userId_idx" ON "TeamMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogSystem_name_key" ON "CatalogSystem"("name");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogEntry_arn_key" ON "CatalogEntry"("arn");

-- CreateIndex
CREATE INDEX "CatalogEntry_ownerTeamId_idx" ON "CatalogEntry"("ownerTeamId");

-- CreateIndex
CREATE INDEX "CatalogEntry_connectionId_region_idx" ON "CatalogEntry"("connectionId", "region");

-- CreateIndex
CREATE INDEX "CatalogEntry_systemId_idx" ON "CatalogEntry"("systemId");

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogSystem" ADD CONSTRAINT "CatalogSystem_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogEntry" ADD CONSTRAINT "CatalogEntry_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogEntry" ADD CONSTRAINT "CatalogEntry_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "CatalogSystem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
