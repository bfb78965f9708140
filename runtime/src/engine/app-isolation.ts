// Apps deployed to the runtime are untrusted code. When the runtime runs as root it drops privileges for
// them: builds and instances run as a dedicated system user (created if missing, else `nobody`), in an
// apps folder of their own, while the runtime's state stays 0700 root (and /proc/<pid>/environ of root
// processes is closed to another uid). Without root there is no one to drop to: the runtime says so.
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { lchown, readdir } from "node:fs/promises";
import path from "node:path";
import { runCapture, type AppUser } from "./process-tools.js";

export const APP_USER_NAME = "runway-app";
const SHARED_APPS_ROOT = "/var/lib/runway/apps";
const DATA_DIR_MARKER = ".data-dir";

/** Removes apps folders under `parent` whose recorded data dir no longer exists (never one without a record). */
export function pruneOrphanedAppsDirs(parent: string): string[] {
  const removed: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(parent);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const dir = path.join(parent, entry);
    let dataDir: string;
    try {
      dataDir = readFileSync(path.join(dir, DATA_DIR_MARKER), "utf8").trim();
    } catch {
      continue;
    }
    if (!dataDir || existsSync(dataDir)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

export interface Isolation {
  /** Undefined when the runtime cannot drop privileges (it is not root). */
  appUser?: AppUser;
  /** Where builds live: the only part of the runtime's files an app can reach. */
  appsDir: string;
  /** One line for the runtime's log at start-up. */
  notice: string;
}

/**
 * Sets up who apps run as and where. `appsDir` defaults to `<dataDir>/apps` without root, and with root to a
 * folder outside the data dir (`/var/lib/runway/apps/<hash of dataDir>`): the data dir usually sits in the
 * console's own data folder, which is 0700 and must stay so.
 */
export async function prepareIsolation(opts: { dataDir: string; appsDir?: string }): Promise<Isolation> {
  const root = process.getuid?.() === 0;
  const shared = !opts.appsDir && root;
  const appsDir = path.resolve(opts.appsDir || (root ? path.join(SHARED_APPS_ROOT, createHash("sha256").update(opts.dataDir).digest("hex").slice(0, 16)) : path.join(opts.dataDir, "apps")));
  mkdirSync(opts.dataDir, { recursive: true });
  mkdirSync(appsDir, { recursive: true });
  if (shared) {
    // Builds outlive a data dir that was deleted (tests, a reset): each apps folder names its data dir, and
    // folders whose data dir is gone are removed.
    writeFileSync(path.join(appsDir, DATA_DIR_MARKER), opts.dataDir);
    pruneOrphanedAppsDirs(SHARED_APPS_ROOT);
  }
  writeScopeBoundary(appsDir);
  if (!root) {
    const who = process.env.USER ?? `uid ${process.getuid?.() ?? "?"}`;
    return {
      appsDir,
      notice: `not running as root: cannot drop privileges, so builds and instances run as ${who}, the runtime's own user, and can read whatever it can (its data dir, the console's data, /proc/<pid>/environ). Run the runtime as root to run apps as an unprivileged user.`,
    };
  }
  const appUser = await ensureAppUser(appsDir);
  // The runtime's state: the engine's records, logs, metrics, the API's state. Nobody else reads or lists it.
  chmodSync(opts.dataDir, 0o700);
  // The apps folder and its parents can be passed through, not listed; each build is handed to the app user.
  if (shared) for (const dir of [appsDir, SHARED_APPS_ROOT, path.dirname(SHARED_APPS_ROOT)]) chmodSync(dir, 0o711);
  else chmodSync(appsDir, 0o711);
  const closed = closedAncestor(appsDir);
  if (closed) throw new Error(`apps dir ${appsDir} is out of reach of the app user: ${closed} is not searchable by others (chmod o+x it, or set RUNWAY_RUNTIME_APPS_DIR elsewhere)`);
  return {
    appUser,
    appsDir,
    notice: `builds and instances run as ${appUser.name} (uid ${appUser.uid}) in ${appsDir}; the data dir ${opts.dataDir} is closed to them (0700)`,
  };
}

/** The first folder above `dir` that other users cannot pass through, if any. */
function closedAncestor(dir: string): string | undefined {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return d;
    if (d === path.dirname(d)) return undefined;
  }
}

/** The dedicated system user, created when missing; `nobody` if it cannot be. Its HOME is a folder it owns. */
async function ensureAppUser(appsDir: string): Promise<AppUser> {
  let ids = await lookup(APP_USER_NAME);
  if (!ids) {
    await runCapture("useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", APP_USER_NAME], { env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin" }, scope: {}, timeoutMs: 30_000 }).catch(() => undefined);
    // Another runtime may have created it meanwhile: look again either way.
    ids = await lookup(APP_USER_NAME);
  }
  const name = ids ? APP_USER_NAME : "nobody";
  ids ??= (await lookup("nobody")) ?? { uid: 65534, gid: 65534 };
  const home = path.join(appsDir, "home");
  mkdirSync(home, { recursive: true, mode: 0o700 });
  chmodSync(home, 0o700);
  await handOver(home, { name, ...ids, home });
  return { name, uid: ids.uid, gid: ids.gid, home };
}

async function lookup(name: string): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const env = { PATH: "/usr/bin:/bin" };
    const uid = Number((await runCapture("id", ["-u", name], { env, scope: {}, timeoutMs: 10_000 })).stdout.trim());
    const gid = Number((await runCapture("id", ["-g", name], { env, scope: {}, timeoutMs: 10_000 })).stdout.trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/** Gives a folder and everything in it to the app user, so its build commands can write there. */
export async function handOver(dir: string, user: AppUser): Promise<void> {
  await lchown(dir, user.uid, user.gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await handOver(p, user);
    else await lchown(p, user.uid, user.gid);
  }
}

/**
 * Node takes a `.js` file's module type from the nearest package.json above it, and npm runs the nearest
 * package.json's scripts: an app without its own must not inherit the project's (`"type": "module"`) when the
 * apps folder sits inside a project. This empty package scope ends the search at the apps folder.
 */
export function writeScopeBoundary(appsDir: string): void {
  const file = path.join(appsDir, "package.json");
  if (!existsSync(file)) writeFileSync(file, `${JSON.stringify({ name: "runway-apps", private: true, description: "Package scope boundary for apps built by the Runway runtime" }, null, 2)}\n`);
}
