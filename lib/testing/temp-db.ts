// For tests that need the real database: a fresh SQLite file under os.tmpdir(), or a fresh
// database on the run's throwaway PostgreSQL (postgres-global-setup.ts), with every
// committed migration of that engine applied, and the env module pointed at it.
import "server-only";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { reloadEnv } from "@/lib/env";

export type TestDatabaseKind = "sqlite" | "postgresql";
/** Every database test runs on both (describe.each(testDatabases)). */
export const testDatabases: TestDatabaseKind[] = ["sqlite", "postgresql"];

const prismaDir = path.resolve(__dirname, "..", "..", "prisma");

function migrationScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((m) => readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
}

export function createTempDatabase(): { dir: string; url: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "runway-unit-"));
  const file = path.join(dir, "runway.db");
  const sqlite = new Database(file);
  for (const sql of migrationScripts(path.join(prismaDir, "migrations"))) sqlite.exec(sql);
  sqlite.close();
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  process.env.RUNWAY_DATA_DIR = dir;
  reloadEnv();
  return { dir, url, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new database on the run's PostgreSQL server, migrated; cleanup() drops it. */
export async function createTempPostgresDatabase(): Promise<{ dir: string; url: string; cleanup: () => Promise<void> }> {
  const server = inject("postgresUrl");
  if (!server) throw new Error("no PostgreSQL for this run: vitest.config.ts must list lib/testing/postgres-global-setup.ts");
  const name = `runway_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = server.replace(/\/[^/]*$/, `/${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const sql of migrationScripts(path.join(prismaDir, "postgresql", "migrations"))) await client.query(sql);
  await client.end();
  const dir = mkdtempSync(path.join(os.tmpdir(), "runway-unit-"));
  process.env.DATABASE_URL = url;
  process.env.RUNWAY_DATA_DIR = dir;
  reloadEnv();
  return {
    dir,
    url,
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Points the app's `db` at a fresh database of `kind`. */
export async function useTempDatabase(kind: TestDatabaseKind): Promise<{ dir: string; url: string; cleanup: () => Promise<void> }> {
  if (kind === "postgresql") return createTempPostgresDatabase();
  const t = createTempDatabase();
  return { ...t, cleanup: async () => t.cleanup() };
}
