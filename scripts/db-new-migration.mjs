#!/usr/bin/env node
// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the committed schema (git HEAD) and the working schema.
// (migrate dev needs a shadow database, which the offline JS engine cannot provide.)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, prismaEnv, root } from "./prisma-env.mjs";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const schema = path.join(root, "prisma", "schema.prisma");
const migrations = path.join(root, "prisma", "migrations");
const hasMigrations = readdirSync(migrations, { withFileTypes: true }).some((d) => d.isDirectory());

const tmp = mkdtempSync(path.join(os.tmpdir(), "runway-migration-"));
// The diff compares two schema files; the CLI still opens the config's adapter, so give it a scratch database.
const env = prismaEnv({ DATABASE_URL: `file:${path.join(tmp, "scratch.db")}` });
let from = ["--from-empty"];
const head = spawnSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
if (hasMigrations && head.status === 0 && head.stdout.trim()) {
  const old = path.join(tmp, "schema.prisma");
  writeFileSync(old, head.stdout);
  from = ["--from-schema-datamodel", old];
} else if (hasMigrations) {
  console.error("Migrations exist but prisma/schema.prisma is not committed: commit it first so the diff has a base.");
  process.exit(1);
}
const diff = spawnSync(bin("prisma"), ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], { cwd: root, env, encoding: "utf8" });
rmSync(tmp, { recursive: true, force: true });
if (diff.status !== 0) {
  process.stderr.write(diff.stderr);
  process.exit(diff.status ?? 1);
}
const sql = diff.stdout.trim();
if (!sql || /^-- This is an empty migration/.test(sql)) {
  console.log("No schema changes since HEAD: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrations, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
console.log(`Wrote ${path.relative(root, dir)}/migration.sql. Apply it with npm run db:migrate.`);
