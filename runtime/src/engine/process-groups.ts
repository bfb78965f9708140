// Every process group the engine spawns (build steps, start pre-steps, instances, git, docker) is recorded
// in the runtime's state the moment it is spawned, and forgotten once the whole group is gone. After a
// kill -9 of the runtime, the next start reaps every group the old one left: a build step, an instance
// caught in its start pre-step, and whatever they forked into their group.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isAlive, processStartTime, sleep } from "./process-tools.js";

export interface GroupRecord {
  /** The leader's pid, which is the group id (children are spawned detached). */
  pgid: number;
  /** The leader's /proc start time: tells the group apart from a later one that reused the pid. */
  start?: string;
  /** What it was, for the log line that reports the reaping. */
  what: string;
}

export class ProcessGroups {
  private readonly groups = new Map<number, GroupRecord>();

  constructor(readonly file: string) {}

  /** Records a freshly spawned group leader. Written before anything awaits, so a crash right after still knows it. */
  add(pgid: number, what: string): void {
    this.groups.set(pgid, { pgid, start: processStartTime(pgid), what });
    this.save();
  }

  /** The group is gone (or was just killed whole). */
  remove(pgid: number): void {
    if (this.groups.delete(pgid)) this.save();
  }

  /**
   * Kills every group recorded by a previous run and still present, then starts a fresh record.
   * Must run before this run spawns anything. Returns what was reaped.
   */
  async reapLeftovers(): Promise<GroupRecord[]> {
    let recorded: GroupRecord[] = [];
    try {
      recorded = JSON.parse(readFileSync(this.file, "utf8")) as GroupRecord[];
    } catch {
      // no record: first start, or nothing was running
    }
    const live = recorded.filter((g) => Number.isInteger(g.pgid) && g.pgid > 1 && groupStillOurs(g));
    for (const g of live) signal(g.pgid, "SIGTERM");
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline && live.some((g) => groupMembers(g.pgid).length > 0)) await sleep(50);
    for (const g of live) signal(g.pgid, "SIGKILL");
    this.groups.clear();
    this.save();
    return live;
  }

  private save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify([...this.groups.values()]));
    renameSync(`${this.file}.tmp`, this.file);
  }
}

/**
 * The recorded group still exists and is the one we spawned: its leader is alive with the recorded start time,
 * or the leader is gone but members remain (Linux does not hand out a pid that is still some group's id).
 */
function groupStillOurs(g: GroupRecord): boolean {
  if (isAlive(g.pgid)) {
    const start = processStartTime(g.pgid);
    if (start !== undefined && g.start !== undefined && start !== g.start) return false;
    if (processGroupOf(g.pgid) === g.pgid) return true;
  }
  return groupMembers(g.pgid).length > 0;
}

/** Pids whose process group is `pgid` (from /proc/<pid>/stat field 5). */
export function groupMembers(pgid: number): number[] {
  if (!existsSync("/proc")) return [];
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    if (processGroupOf(Number(entry)) === pgid) out.push(Number(entry));
  }
  return out;
}

function processGroupOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[2]);
  } catch {
    return undefined;
  }
}

function signal(pgid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pgid, sig);
  } catch {
    // the group is gone
  }
}
