#!/usr/bin/env node
// `npm run db:migrate`: generate the client and apply committed migrations (migrate deploy).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { bin, prismaEnv, root } from "./prisma-env.mjs";

export function migrate(env = prismaEnv(), { generate = true } = {}) {
  const file = env.DATABASE_URL.startsWith("file:") ? env.DATABASE_URL.slice(5) : null;
  if (file) mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true });
  const run = (args) => {
    const r = spawnSync(bin("prisma"), args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    if (r.status !== 0) throw new Error(`prisma ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
  };
  if (generate) run(["generate"]);
  run(["migrate", "deploy"]);
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
