// For unit tests that need the real database: a fresh SQLite file under os.tmpdir() with
// every committed migration applied, and the env module pointed at it.
import "server-only";
import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { reloadEnv } from "@/lib/env";

export function createTempDatabase(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "runway-unit-"));
  const file = path.join(dir, "runway.db");
  const sqlite = new Database(file);
  const migrations = path.resolve(__dirname, "..", "..", "prisma", "migrations");
  for (const m of readdirSync(migrations, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    sqlite.exec(readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  sqlite.close();
  process.env.DATABASE_URL = `file:${file}`;
  process.env.RUNWAY_DATA_DIR = dir;
  reloadEnv();
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
