-- DropTable
DROP TABLE "CatalogSyncLease";
