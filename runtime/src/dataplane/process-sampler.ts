import { existsSync, readdirSync, readFileSync } from "node:fs";

/** USER_HZ: /proc reports CPU time in these ticks; 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;
const PAGE_BYTES = pageBytes();

interface ProcStat {
  ppid: number;
  ticks: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may itself contain spaces and parentheses. CPU time is the
    // process's own (utime, stime) plus that of its children it has reaped (cutime, cstime), so a tree's
    // total does not drop when a child process exits.
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    return { ppid: Number(f[1]), ticks, rssBytes: Number(f[21]) * PAGE_BYTES };
  } catch {
    return undefined;
  }
}

/**
 * Bytes per page for the RSS field of /proc/<pid>/stat: 4 KiB on x86-64, but 16 or 64 KiB on some arm64
 * kernels. Derived from this process's own RSS in pages (statm) and in KiB (status).
 */
function pageBytes(): number {
  try {
    const pages = Number(readFileSync("/proc/self/statm", "utf8").split(" ")[1]);
    const kib = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);
    const ratio = (kib * 1024) / pages;
    if (!Number.isFinite(ratio) || ratio <= 0) return 4096;
    return [4096, 16384, 65536].reduce((best, p) => (Math.abs(Math.log(p / ratio)) < Math.abs(Math.log(best / ratio)) ? p : best));
  } catch {
    return 4096;
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
 * started through `npm start` or a shell is a tree). CPU is percent of one core since the previous sample
 * of the same pid; the first sample has none. On systems without /proc every sample is empty.
 */
export class ProcessSampler {
  private readonly prev = new Map<number, { ticks: number; at: number }>();
  private readonly hasProc = existsSync("/proc/self/stat");

  /** CPU percent (of one core) and resident memory of pid and its descendants, or undefined if pid is gone. */
  sample(pid: number, now = Date.now()): { cpuPercent: number | undefined; rssBytes: number } | undefined {
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
    const cpuPercent = before && elapsedS > 0 ? Math.max(0, ((ticks - before.ticks) / CLOCK_TICKS / elapsedS) * 100) : undefined;
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
