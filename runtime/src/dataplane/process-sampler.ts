import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS = 100;
const PAGE_BYTES = 4096;

interface ProcStat {
  ppid: number;
  ticks: number;
  rssBytes: number;
}

/**
 * CPU and memory of instance processes from Linux /proc, including their child processes (an instance
 * started through `npm start` or a shell is a tree). CPU is percent of one core since the previous sample.
 * On systems without /proc every sample is empty.
 */
export class ProcessSampler {
  private readonly prev = new Map<number, { ticks: number; at: number }>();

  /** Reads the whole process table once; call sampleTree for each instance pid afterwards. */
  snapshot(): Map<number, ProcStat> {
    const table = new Map<number, ProcStat>();
    let entries: string[];
    try {
      entries = readdirSync("/proc");
    } catch {
      return table;
    }
    for (const name of entries) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const text = readFileSync(`/proc/${name}/stat`, "utf8");
        // Fields after the command name, which may itself contain spaces and parentheses.
        const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
        table.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), rssBytes: Number(f[21]) * PAGE_BYTES });
      } catch {
        // The process exited between readdir and read.
      }
    }
    return table;
  }

  /** CPU percent (of one core) and resident memory of pid and its descendants, or undefined if pid is gone. */
  sampleTree(table: Map<number, ProcStat>, pid: number, now = Date.now()): { cpuPercent: number; rssBytes: number } | undefined {
    if (!table.has(pid)) {
      this.prev.delete(pid);
      return undefined;
    }
    const children = new Map<number, number[]>();
    for (const [p, st] of table) {
      const list = children.get(st.ppid);
      if (list) list.push(p);
      else children.set(st.ppid, [p]);
    }
    let ticks = 0;
    let rssBytes = 0;
    const stack = [pid];
    while (stack.length) {
      const p = stack.pop() as number;
      const st = table.get(p);
      if (!st) continue;
      ticks += st.ticks;
      rssBytes += st.rssBytes;
      stack.push(...(children.get(p) ?? []));
    }
    const before = this.prev.get(pid);
    this.prev.set(pid, { ticks, at: now });
    const elapsedS = before ? (now - before.at) / 1000 : 0;
    const cpuPercent = before && elapsedS > 0 ? Math.max(0, ((ticks - before.ticks) / CLOCK_TICKS / elapsedS) * 100) : 0;
    return { cpuPercent, rssBytes };
  }
}
