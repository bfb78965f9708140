// What the engine keeps on disk per service (<dataDir>/services/<id>/):
// engine.json (the release that serves, kept builds, pids of running
// instances) and builds/<operationId>/. After a kill -9 of the runtime the
// recorded pids let the next start stop instances that outlived it.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { RunConfig } from "./app-config.js";
import { removeContainer } from "./instance.js";
import { isAlive, processStartTime, sleep } from "./process-tools.js";

export interface PersistedInstance {
  instanceId: string;
  pid: number;
  /** /proc start time: a recorded pid is only killed if it is still the same process. */
  procStart?: string;
  containerName?: string;
}

export interface Release {
  /** Operation that built it; names builds/<buildId>/. */
  buildId: string;
  /** Operation whose instances run it now (the build's, or a resume/restore operation's). */
  deploymentId: string;
  /** App directory relative to the service directory. */
  appDir: string;
  commit?: string;
  run: RunConfig;
  builtAt: number;
}

export interface EngineRecord {
  serviceId: string;
  serviceName: string;
  /** The release that serves (or served before a pause). */
  release?: Release;
  /** Successful builds kept on disk, oldest first. */
  builds: string[];
  instances: PersistedInstance[];
}

export const KEEP_BUILDS = 3;

export class EngineStore {
  /**
   * `appsDir` holds what apps may see (their builds), apart from the engine's own state in `dataDir`, so that an
   * app running as the unprivileged app user reaches its build and nothing of the runtime's. Same folder by default.
   */
  constructor(
    readonly dataDir: string,
    readonly appsDir: string = dataDir,
  ) {}

  /** The engine's record of a service (engine.json). */
  serviceDir(serviceId: string): string {
    return path.join(this.dataDir, "services", serviceId);
  }

  /** The service's builds; Release.appDir is relative to it. */
  serviceAppsDir(serviceId: string): string {
    return path.join(this.appsDir, "services", serviceId);
  }

  buildDir(serviceId: string, buildId: string): string {
    return path.join(this.serviceAppsDir(serviceId), "builds", buildId);
  }

  appDir(serviceId: string, release: Release): string {
    return path.join(this.serviceAppsDir(serviceId), release.appDir);
  }

  serviceIds(): string[] {
    const dir = path.join(this.dataDir, "services");
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((id) => existsSync(path.join(dir, id, "engine.json")));
  }

  read(serviceId: string): EngineRecord | undefined {
    const file = path.join(this.serviceDir(serviceId), "engine.json");
    try {
      return JSON.parse(readFileSync(file, "utf8")) as EngineRecord;
    } catch {
      return undefined;
    }
  }

  /** Atomic replace, so a kill -9 mid-write leaves the previous record. */
  write(record: EngineRecord): void {
    const dir = this.serviceDir(record.serviceId);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "engine.json");
    writeFileSync(`${file}.tmp`, JSON.stringify(record, null, 2));
    renameSync(`${file}.tmp`, file);
  }

  async removeService(serviceId: string): Promise<void> {
    await rm(this.serviceDir(serviceId), { recursive: true, force: true });
    await rm(this.serviceAppsDir(serviceId), { recursive: true, force: true });
  }

  /** Deletes build directories that are neither kept nor in use (failed or interrupted builds, old ones). */
  async pruneBuilds(serviceId: string, keep: Iterable<string>): Promise<void> {
    const dir = path.join(this.serviceAppsDir(serviceId), "builds");
    if (!existsSync(dir)) return;
    const keepSet = new Set(keep);
    await Promise.all(
      readdirSync(dir)
        .filter((b) => !keepSet.has(b))
        .map((b) => rm(path.join(dir, b), { recursive: true, force: true })),
    );
  }
}

/**
 * Stops instances recorded by a previous run of the runtime. A pid is only
 * signalled when /proc shows the same start time, so a reused pid is safe.
 */
export async function killLeftovers(instances: PersistedInstance[]): Promise<number> {
  const victims = instances.filter((i) => i.pid > 1 && i.procStart !== undefined && processStartTime(i.pid) === i.procStart);
  for (const v of victims) signalGroup(v.pid, "SIGTERM");
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && victims.some((v) => isAlive(v.pid) && processStartTime(v.pid) === v.procStart)) await sleep(50);
  for (const v of victims) if (processStartTime(v.pid) === v.procStart) signalGroup(v.pid, "SIGKILL");
  // The group may hold the app's own children even when the leader is gone.
  for (const v of victims) signalGroup(v.pid, "SIGKILL", true);
  await Promise.all(instances.filter((i) => i.containerName).map((i) => removeContainer(i.containerName!)));
  return victims.length;
}

function signalGroup(pid: number, signal: NodeJS.Signals, groupOnly = false): void {
  try {
    process.kill(-pid, signal);
  } catch {
    if (groupOnly) return;
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
