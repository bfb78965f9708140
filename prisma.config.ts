import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { migrationPool } from "./prisma/postgres-migration-pool";

// Prisma 6.19 with the wasm schema engine: works offline (see TOOLCHAIN.md).
// DATABASE_URL picks the database: postgres(ql)://… uses the derived PostgreSQL schema and
// its migrations (prisma/postgresql/), anything else the SQLite ones (prisma/).
const url = process.env.DATABASE_URL ?? `file:${path.join(process.cwd(), "data", "runway.db")}`;
process.env.DATABASE_URL = url;
const postgres = /^postgres(ql)?:\/\//i.test(url);
const dir = postgres ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  adapter: async () => (postgres ? new PrismaPg(migrationPool(url)) : new PrismaBetterSQLite3({ url })),
});
