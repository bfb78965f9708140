#!/usr/bin/env node
// `npm run up`: from a fresh clone to a running console at http://localhost:3000.
// Installs dependencies if missing, generates the Prisma client, applies migrations,
// builds when sources changed, starts the local runtime and the console, and forwards
// Ctrl-C to both. Only Node built-ins (node_modules may not exist yet).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { bin, prismaEnv, root } from "./prisma-env.mjs";

const port = Number(process.env.PORT ?? 3000);
// Loopback unless told otherwise (RUNWAY_BIND_HOST=0.0.0.0 to serve a team on the network).
const bindHost = process.env.RUNWAY_BIND_HOST || "127.0.0.1";
const log = (msg) => console.log(`[up] ${msg}`);

if (!existsSync(bin("next")) || !existsSync(bin("prisma"))) {
  log("node_modules is missing: running npm ci (about a minute; better-sqlite3 compiles from source)");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit", env: prismaEnv() });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Imported after npm ci: these helpers only use built-ins, but keep the order obvious.
const { migrate } = await import("./db-migrate.mjs");
const { nextBuild } = await import("./next-build.mjs");

const env = prismaEnv();
const dataDir = path.resolve(env.RUNWAY_DATA_DIR ?? path.join(root, "data"));
// The database and secret key live here: closed to other users, such as the one the runtime runs apps as.
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
chmodSync(dataDir, 0o700);
try {
  // Never print a PostgreSQL password.
  log(`database: ${env.DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}`);
  migrate(env);
  nextBuild(env.NEXT_DIST_DIR ?? ".next", env);
} catch (err) {
  console.error(`[up] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

const children = new Set();
let stopping = false;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill(signal);
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGINT", () => stopAll("SIGINT"));
process.on("SIGTERM", () => stopAll("SIGTERM"));

/** Starts the runtime and resolves with its API URL from the "ready" line, or null. */
function startRuntime() {
  if (!existsSync(path.join(root, "runtime", "src", "main.ts"))) {
    log("runtime/ is not there: starting the console alone");
    return Promise.resolve(null);
  }
  const runtimeEnv = { ...env, RUNWAY_RUNTIME_DATA_DIR: env.RUNWAY_RUNTIME_DATA_DIR ?? path.join(dataDir, "runtime") };
  const child = spawn(bin("tsx"), [path.join("runtime", "src", "main.ts")], { cwd: root, env: runtimeEnv, stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  return new Promise((resolve) => {
    let settled = false;
    const done = (url) => {
      if (!settled) {
        settled = true;
        resolve(url);
      }
    };
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      try {
        const msg = JSON.parse(line);
        if (msg.event === "ready") {
          log(`runtime ready: API ${msg.api}, apps at ${msg.dataPlane}`);
          return done(msg.api);
        }
      } catch {
        /* not JSON */
      }
      console.log(`[runtime] ${line}`);
    });
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (!settled) log(`runtime exited before it was ready (${signal ?? code}); starting the console without it`);
      else if (!stopping) log(`runtime exited (${signal ?? code})`);
      done(null);
    });
    setTimeout(() => {
      if (!settled) log("runtime did not report ready within 60 s; starting the console anyway");
      done(null);
    }, 60_000).unref();
  });
}

async function userCount() {
  try {
    const require = createRequire(import.meta.url);
    if (/^postgres(ql)?:\/\//i.test(env.DATABASE_URL)) {
      const pg = require("pg");
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      const { rows } = await client.query('SELECT COUNT(*)::int AS n FROM "User"');
      await client.end();
      return rows[0].n;
    }
    const Database = require("better-sqlite3");
    const db = new Database(env.DATABASE_URL.replace(/^file:/, ""), { readonly: true });
    const n = db.prepare('SELECT COUNT(*) AS n FROM "User"').get().n;
    db.close();
    return n;
  } catch {
    return -1;
  }
}

async function waitForConsole(url) {
  for (let i = 0; i < 120 && !stopping; i++) {
    try {
      await fetch(url, { redirect: "manual" });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return false;
}

const runtimeUrl = await startRuntime();
if (stopping) process.exit(0);
const consoleEnv = { ...env, PORT: String(port), NODE_ENV: "production", ...(runtimeUrl ? { RUNWAY_LOCAL_RUNTIME_URL: runtimeUrl } : {}) };
const next = spawn(bin("next"), ["start", "-H", bindHost, "-p", String(port)], { cwd: root, env: consoleEnv, stdio: ["ignore", "inherit", "inherit"] });
children.add(next);
next.on("exit", (code, signal) => {
  children.delete(next);
  if (!stopping) log(`console exited (${signal ?? code})`);
  stopAll("SIGTERM");
  process.exitCode = code ?? 0;
});

if (await waitForConsole(`http://127.0.0.1:${port}/sign-in`)) {
  log(`Runway console: http://localhost:${port}`);
  if ((await userCount()) === 0) log(`no users yet: open http://localhost:${port}/setup to create the first admin`);
  log("Ctrl-C stops the console and the runtime");
}
