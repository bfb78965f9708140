// A throwaway PostgreSQL for tests: Debian's server binaries, a cluster in a temp folder,
// listening on loopback only, trust auth for the "runway" role. Installs Debian's
// `postgresql` package when it is missing and we are root (as CI is), and fails with the
// reason otherwise: tests that need PostgreSQL never skip quietly. PostgreSQL refuses to run
// as root, so as root the cluster belongs to the `postgres` user. Only Node built-ins.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function pgBin() {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin", "pg_ctl"))).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

function ensureInstalled() {
  let bin = pgBin();
  if (bin) return bin;
  if (process.getuid?.() !== 0) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql: install Debian's `postgresql` package (apt-get install -y postgresql)");
  console.log("[postgres] installing Debian's postgresql (apt-get install -y postgresql)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const r = spawnSync("apt-get", ["install", "-y", "-qq", "postgresql"], { stdio: "inherit", env });
  bin = pgBin();
  if (r.status !== 0 || !bin) throw new Error("could not install Debian's postgresql package");
  return bin;
}

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

function run(asPostgres, cmd, args) {
  // su takes one command string: every part here is a path we made or a fixed flag, quoted.
  const r = asPostgres
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [cmd, ...args].map((a) => `'${String(a).replace(/'/g, "'\\''")}'`).join(" ")], { encoding: "utf8" })
    : spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || "").slice(-1500)}`);
  return r.stdout;
}

/**
 * Starts a fresh cluster. Resolves with { url, stop } where url is
 * postgresql://runway@127.0.0.1:<port>/postgres and stop() shuts it down and deletes it.
 */
export async function startTempPostgres({ port } = {}) {
  const bin = ensureInstalled();
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "runway-pg-"));
  if (asPostgres) chownSync(dir, ...ids("postgres"));
  const data = path.join(dir, "db");
  const listen = port ?? (await freePort());
  run(asPostgres, path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "runway", "--no-sync", "-E", "UTF8"]);
  run(asPostgres, path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", `-p ${listen} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "start"]);
  const stop = () => {
    try {
      run(asPostgres, path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
    } catch {
      /* already stopped */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgresql://runway@127.0.0.1:${listen}/postgres`, dir, stop };
}

function ids(user) {
  const uid = Number(spawnSync("id", ["-u", user], { encoding: "utf8" }).stdout.trim());
  const gid = Number(spawnSync("id", ["-g", user], { encoding: "utf8" }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`no ${user} user to run PostgreSQL as`);
  return [uid, gid];
}

// `node scripts/temp-postgres.mjs`: start one and keep it until Ctrl-C (for manual runs).
if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startTempPostgres({ port: process.argv[2] ? Number(process.argv[2]) : undefined });
  console.log(`DATABASE_URL=${pg.url}`);
  const stop = () => (pg.stop(), process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => {}, 1 << 30);
}
