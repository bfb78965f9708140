-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "CatalogSyncLease";
PRAGMA foreign_keys=on;
