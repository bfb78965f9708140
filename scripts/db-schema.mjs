// One source schema, two databases. prisma/schema.prisma (SQLite) is the one you edit;
// prisma/postgresql/schema.prisma is derived from it (Prisma cannot switch provider by
// environment) and generates its own client into lib/generated/prisma-pg. The derived
// file is committed: it is the schema the PostgreSQL migrations build, and
// `npm run db:new-migration` diffs against it. Only Node built-ins.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./prisma-env.mjs";

export const sqliteSchemaPath = path.join(root, "prisma", "schema.prisma");
export const postgresDir = path.join(root, "prisma", "postgresql");
export const postgresSchemaPath = path.join(postgresDir, "schema.prisma");

const HEADER = "// GENERATED from prisma/schema.prisma by scripts/db-schema.mjs: do not edit. Change the\n// source schema and run `npm run db:new-migration -- <name>` (it rewrites this file).\n";

/** The PostgreSQL twin of a SQLite source schema (pure). */
export function derivePostgresSchema(source) {
  let out = source;
  const swap = (from, to, what) => {
    if (!from.test(out)) throw new Error(`prisma/schema.prisma: cannot find ${what} to derive the PostgreSQL schema`);
    out = out.replace(from, to);
  };
  swap(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'datasource provider = "sqlite"');
  swap(/(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"', 'generator output = "../lib/generated/prisma"');
  return HEADER + out;
}

/** Which engine a DATABASE_URL names. */
export function providerOf(url) {
  return /^postgres(ql)?:\/\//i.test(url ?? "") ? "postgresql" : "sqlite";
}

export function schemaPathFor(provider) {
  return provider === "postgresql" ? postgresSchemaPath : sqliteSchemaPath;
}

export function migrationsPathFor(provider) {
  return path.join(provider === "postgresql" ? postgresDir : path.join(root, "prisma"), "migrations");
}

/** Rewrites prisma/postgresql/schema.prisma from the source; returns whether it changed. */
export function writePostgresSchema() {
  const next = derivePostgresSchema(readFileSync(sqliteSchemaPath, "utf8"));
  const current = existsSync(postgresSchemaPath) ? readFileSync(postgresSchemaPath, "utf8") : "";
  if (current === next) return false;
  mkdirSync(postgresDir, { recursive: true });
  writeFileSync(postgresSchemaPath, next);
  return true;
}
