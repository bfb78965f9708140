#!/usr/bin/env node
// `npm run test:e2e [-- <playwright args>]`: Playwright in Debian's Chromium against a fresh
// temporary SQLite database, a fresh runtime and a production build of the console.
// Honours E2E_PORT, E2E_RUNTIME_API_PORT, E2E_RUNTIME_DATA_PORT, NEXT_DIST_DIR (default .next-e2e),
// PLAYWRIGHT_CHROMIUM_EXECUTABLE, E2E_KEEP_TMP=1 (keep the temp dir), E2E_JSON_REPORT.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, prismaEnv, root } from "./prisma-env.mjs";
import { migrate } from "./db-migrate.mjs";
import { nextBuild } from "./next-build.mjs";

const chromium = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) {
    console.error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE=${chromium} does not exist`);
    process.exit(1);
  }
  console.log("Installing Debian's chromium (apt-get install -y chromium)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const r = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (r.status !== 0 || !existsSync(chromium)) {
    console.error("Could not install chromium; set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium binary.");
    process.exit(1);
  }
}

const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
const tmpDir = mkdtempSync(path.join(os.tmpdir(), "runway-e2e-"));
const databaseUrl = `file:${path.join(tmpDir, "runway.db")}`;
const env = prismaEnv({ DATABASE_URL: databaseUrl, RUNWAY_DATA_DIR: tmpDir, E2E_TMP_DIR: tmpDir, E2E_DATABASE_URL: databaseUrl, NEXT_DIST_DIR: distDir });

let status = 1;
try {
  migrate(env); // prisma generate + migrate deploy into the fresh temp database
  nextBuild(distDir, env);
  const r = spawnSync(bin("playwright"), ["test", ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" });
  status = r.status ?? 1;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
} finally {
  if (status === 0 && process.env.E2E_KEEP_TMP !== "1") rmSync(tmpDir, { recursive: true, force: true });
  else console.log(`e2e temp dir kept: ${tmpDir}`);
}
process.exit(status);
