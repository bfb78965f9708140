import { existsSync, readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS = 100;
const PAGE_BYTES = 4096;

interface ProcStat {
  ppid: number;
  ticks: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may itself contain spaces and parentheses.
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), rssBytes: Number(f[21]) * PAGE_BYTES };
  } catch {
    return undefined;
  }
}

/** Direct children of pid: from /proc/<pid>/task/<tid>/children (cheap), else from a scan of the process table. */
function childrenOf(pid: number, table: () => Map<number, ProcStat>): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (text) for (const c of text.split(" ")) out.push(Number(c));
    }
    return out;
  } catch {
    for (const [p, st] of table()) if (st.ppid === pid) out.push(p);
    return out;
  }
}

/**
 * CPU and memory of instance processes from Linux /proc, including their child processes (an instance
 * started through `npm start` or a shell is a tree). CPU is percent of one core since the previous sample.
 * On systems without /proc every sample is empty.
 */
export class ProcessSampler {
  private readonly prev = new Map<number, { ticks: number; at: number }>();
  private readonly hasProc = existsSync("/proc/self/stat");

  /** CPU percent (of one core) and resident memory of pid and its descendants, or undefined if pid is gone. */
  sample(pid: number, now = Date.now()): { cpuPercent: number; rssBytes: number } | undefined {
    const root = this.hasProc ? readStat(pid) : undefined;
    if (!root) {
      this.prev.delete(pid);
      return undefined;
    }
    let full: Map<number, ProcStat> | undefined;
    const table = () => (full ??= scanAll());
    let ticks = root.ticks;
    let rssBytes = root.rssBytes;
    const stack = childrenOf(pid, table);
    for (let guard = 0; stack.length && guard < 1000; guard++) {
      const p = stack.pop() as number;
      const st = readStat(p);
      if (!st) continue;
      ticks += st.ticks;
      rssBytes += st.rssBytes;
      stack.push(...childrenOf(p, table));
    }
    const before = this.prev.get(pid);
    this.prev.set(pid, { ticks, at: now });
    const elapsedS = before ? (now - before.at) / 1000 : 0;
    const cpuPercent = before && elapsedS > 0 ? Math.max(0, ((ticks - before.ticks) / CLOCK_TICKS / elapsedS) * 100) : 0;
    return { cpuPercent, rssBytes };
  }

  /** Forget pids that are no longer instances. */
  retain(pids: Set<number>): void {
    for (const pid of this.prev.keys()) if (!pids.has(pid)) this.prev.delete(pid);
  }
}

function scanAll(): Map<number, ProcStat> {
  const table = new Map<number, ProcStat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStat(Number(name));
    if (st) table.set(Number(name), st);
  }
  return table;
}
