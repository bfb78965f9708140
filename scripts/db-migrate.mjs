#!/usr/bin/env node
// `npm run db:migrate`: generate the clients and apply committed migrations (migrate deploy)
// to DATABASE_URL: SQLite's from prisma/migrations, PostgreSQL's from
// prisma/postgresql/migrations (prisma.config.ts picks them from the URL).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { bin, prismaEnv, root } from "./prisma-env.mjs";
import { generateClients } from "./db-generate.mjs";

export function migrate(env = prismaEnv(), { generate = true } = {}) {
  const file = env.DATABASE_URL.startsWith("file:") ? env.DATABASE_URL.slice(5) : null;
  if (file) mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true });
  if (generate) generateClients(env);
  const r = spawnSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed (exit ${r.status ?? r.signal})`);
  // A crashed wasm schema engine can exit 0 without doing anything (TOOLCHAIN.md).
  if (file && !existsSync(path.resolve(root, file))) throw new Error(`migrate deploy reported success but ${file} does not exist`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    migrate();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
