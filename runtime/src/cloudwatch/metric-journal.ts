import { appendFileSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Histogram } from "./histogram.js";

export interface JournalAgg {
  sum: number;
  count: number;
  min: number;
  max: number;
  hist?: Histogram;
}

/** One bucket on disk: [metric, serviceName, serviceId, bucketStartMs, sum, count, min, max, histogram?]. */
type Line = [string, string, string, number, number, number, number, number, Record<string, number>?];

export interface JournalEntry {
  metric: string;
  serviceName: string;
  serviceId: string;
  t: number;
  agg: JournalAgg;
}

/**
 * Metric persistence whose cost follows new data, not retained data: finished 1-minute buckets are appended
 * to `metrics.jsonl` (a later line for the same bucket replaces an earlier one) and the file is rewritten
 * when it grows well past the live data. 10-second buckets are only snapshotted on close (`metrics-recent.json`).
 */
export class MetricJournal {
  private readonly file: string;
  private readonly recentFile: string;
  private bytes = 0;

  constructor(dir: string) {
    this.file = path.join(dir, "metrics.jsonl");
    this.recentFile = path.join(dir, "metrics-recent.json");
  }

  load(): { minute: JournalEntry[]; fine: JournalEntry[] } {
    const minute: JournalEntry[] = [];
    const fine: JournalEntry[] = [];
    if (existsSync(this.file)) {
      this.bytes = statSync(this.file).size;
      for (const text of readFileSync(this.file, "utf8").split("\n")) {
        const e = parse(text);
        if (e) minute.push(e);
      }
    }
    if (existsSync(this.recentFile)) {
      try {
        for (const line of JSON.parse(readFileSync(this.recentFile, "utf8")) as Line[]) {
          const e = decode(line);
          if (e) fine.push(e);
        }
      } catch {
        // A snapshot torn by a crash only loses sub-minute detail; minute data is in the journal.
      }
    }
    return { minute, fine };
  }

  append(entries: JournalEntry[]): void {
    if (!entries.length) return;
    const text = entries.map((e) => JSON.stringify(encode(e))).join("\n") + "\n";
    appendFileSync(this.file, text);
    this.bytes += Buffer.byteLength(text);
  }

  /** True when the journal holds far more lines than live buckets (old or superseded ones). */
  needsCompaction(liveBuckets: number): boolean {
    return this.bytes > liveBuckets * 120 + 8 * 1024 * 1024;
  }

  rewrite(entries: JournalEntry[]): void {
    const text = entries.map((e) => JSON.stringify(encode(e))).join("\n") + (entries.length ? "\n" : "");
    writeFileSync(`${this.file}.tmp`, text);
    renameSync(`${this.file}.tmp`, this.file);
    this.bytes = Buffer.byteLength(text);
  }

  saveRecent(entries: JournalEntry[]): void {
    writeFileSync(`${this.recentFile}.tmp`, JSON.stringify(entries.map(encode)));
    renameSync(`${this.recentFile}.tmp`, this.recentFile);
  }
}

function encode(e: JournalEntry): Line {
  const { sum, count, min, max, hist } = e.agg;
  const line: Line = [e.metric, e.serviceName, e.serviceId, e.t, sum, count, min, max];
  if (hist) line.push(hist.toJSON());
  return line;
}

function decode(l: Line): JournalEntry | undefined {
  if (!Array.isArray(l) || l.length < 8) return undefined;
  const [metric, serviceName, serviceId, t, sum, count, min, max, hist] = l;
  return { metric, serviceName, serviceId, t, agg: { sum, count, min, max, ...(hist ? { hist: Histogram.fromJSON(hist) } : {}) } };
}

function parse(text: string): JournalEntry | undefined {
  if (!text) return undefined;
  try {
    return decode(JSON.parse(text) as Line);
  } catch {
    // A torn last line after a crash.
    return undefined;
  }
}
