#!/usr/bin/env node
// Generates both Prisma clients: lib/generated/prisma (SQLite, from prisma/schema.prisma)
// and lib/generated/prisma-pg (PostgreSQL, from prisma/postgresql/schema.prisma). The
// console imports both and picks one from DATABASE_URL at run time, so one build serves either.
import { spawnSync } from "node:child_process";
import { bin, prismaEnv, root } from "./prisma-env.mjs";
import { postgresSchemaPath, sqliteSchemaPath } from "./db-schema.mjs";

export function generateClients(env = prismaEnv()) {
  for (const schema of [sqliteSchemaPath, postgresSchemaPath]) {
    const r = spawnSync(bin("prisma"), ["generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    if (r.status !== 0) throw new Error(`prisma generate --schema ${schema} failed (exit ${r.status ?? r.signal})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    generateClients();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
