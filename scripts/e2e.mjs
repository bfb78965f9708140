#!/usr/bin/env node
// `npm run test:e2e [-- <playwright args>]`: Playwright in Debian's Chromium against a fresh
// temporary SQLite database, a fresh runtime and a production build of the console.
// Honours E2E_PORT, E2E_RUNTIME_API_PORT, E2E_RUNTIME_DATA_PORT, NEXT_DIST_DIR (default .next-e2e),
// PLAYWRIGHT_CHROMIUM_EXECUTABLE, E2E_KEEP_TMP=1 (keep the temp dir), E2E_JSON_REPORT.
// `--postgres`: the database is a throwaway PostgreSQL (scripts/temp-postgres.mjs) instead,
// and a second console process (port E2E_SECOND_PORT, else a free one) serves the same
// database, for e2e/two-consoles.spec.ts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { bin, prismaEnv, root } from "./prisma-env.mjs";
import { migrate } from "./db-migrate.mjs";
import { nextBuild } from "./next-build.mjs";
import { startTempPostgres } from "./temp-postgres.mjs";

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

const args = process.argv.slice(2);
const postgres = args.includes("--postgres");
const playwrightArgs = args.filter((a) => a !== "--postgres");
const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
const tmpDir = mkdtempSync(path.join(os.tmpdir(), "runway-e2e-"));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

let status = 1;
let pg;
try {
  let databaseUrl = `file:${path.join(tmpDir, "runway.db")}`;
  const extra = {};
  if (postgres) {
    pg = await startTempPostgres();
    databaseUrl = pg.url;
    Object.assign(extra, {
      E2E_TEMP_POSTGRES_URL: pg.url,
      E2E_SECOND_PORT: process.env.E2E_SECOND_PORT ?? String(await freePort()),
      // Low enough that two-consoles.spec.ts can reach the shared per-IP sign-in limit.
      E2E_SIGNIN_IP_LIMIT: process.env.E2E_SIGNIN_IP_LIMIT ?? "10",
    });
    console.log(`[e2e] PostgreSQL ${pg.url}; second console on port ${extra.E2E_SECOND_PORT}`);
  }
  const env = prismaEnv({ DATABASE_URL: databaseUrl, RUNWAY_DATA_DIR: tmpDir, E2E_TMP_DIR: tmpDir, E2E_DATABASE_URL: databaseUrl, NEXT_DIST_DIR: distDir, ...extra });
  migrate(env); // prisma generate + migrate deploy into the fresh temp database
  nextBuild(distDir, env);
  const r = spawnSync(bin("playwright"), ["test", ...playwrightArgs], { cwd: root, env, stdio: "inherit" });
  status = r.status ?? 1;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
} finally {
  pg?.stop();
  if (status === 0 && process.env.E2E_KEEP_TMP !== "1") rmSync(tmpDir, { recursive: true, force: true });
  else console.log(`e2e temp dir kept: ${tmpDir}`);
}
process.exit(status);
