import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LogSink } from "../contracts.js";

/** One stored event; (timestamp, seq) orders events and makes pagination tokens stable while old events are dropped. */
export interface StoredEvent {
  timestamp: number;
  seq: number;
  ingestionTime: number;
  message: string;
}

export interface StoredStream {
  name: string;
  creationTime: number;
  lastIngestionTime: number;
  events: StoredEvent[];
}

export interface StoredGroup {
  name: string;
  creationTime: number;
  bytes: number;
  streams: Map<string, StoredStream>;
}

export interface EventKey {
  timestamp: number;
  seq: number;
}

/** CloudWatch Logs counts 26 bytes of overhead per event; the size bound uses the same measure. */
const EVENT_OVERHEAD = 26;
const FLUSH_MS = 250;

export function compareKey(a: EventKey, b: EventKey): number {
  return a.timestamp - b.timestamp || a.seq - b.seq;
}

/** Index of the first event whose key is greater than `key` (or >= when inclusive). */
export function upperBound(events: StoredEvent[], key: EventKey, inclusive = false): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKey(events[mid] as StoredEvent, key);
    if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * CloudWatch Logs storage for the runtime: groups and streams in memory, persisted as an append-only
 * JSON-lines journal that is compacted when it grows well past the live data. Each group is bounded in
 * size (20 MB by default, oldest events dropped first) and so is the whole store (256 MB), so a chatty app
 * cannot fill the disk.
 */
export class LogStore implements LogSink {
  readonly groups = new Map<string, StoredGroup>();
  private readonly file: string;
  private readonly maxGroupBytes: number;
  private readonly maxTotalBytes: number;
  private totalBytes = 0;
  private pending: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private journalBytes = 0;

  constructor(opts: { dir: string; maxGroupBytes?: number; maxTotalBytes?: number }) {
    mkdirSync(opts.dir, { recursive: true });
    this.file = path.join(opts.dir, "events.jsonl");
    this.maxGroupBytes = opts.maxGroupBytes ?? 20 * 1024 * 1024;
    this.maxTotalBytes = opts.maxTotalBytes ?? 256 * 1024 * 1024;
    this.load();
  }

  append(group: string, stream: string, message: string, timestamp?: number): void {
    const now = Date.now();
    const ts = Math.floor(timestamp ?? now);
    this.insert(group, stream, message, ts, now);
    this.pending.push(JSON.stringify([group, stream, ts, now, message]));
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS).unref();
  }

  /** Writes buffered events to disk; call on shutdown. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length) return;
    const chunk = this.pending.join("\n") + "\n";
    this.pending = [];
    try {
      appendFileSync(this.file, chunk);
      this.journalBytes += Buffer.byteLength(chunk);
      if (this.journalBytes > 2 * this.liveBytes() + 4 * 1024 * 1024) this.compact();
    } catch (err) {
      console.error(`log store: cannot write ${this.file}: ${(err as Error).message}`);
    }
  }

  close(): void {
    this.flush();
  }

  getGroup(name: string): StoredGroup | undefined {
    return this.groups.get(name);
  }

  private insert(groupName: string, streamName: string, message: string, ts: number, ingestion: number): void {
    let group = this.groups.get(groupName);
    if (!group) {
      group = { name: groupName, creationTime: ingestion, bytes: 0, streams: new Map() };
      this.groups.set(groupName, group);
    }
    let stream = group.streams.get(streamName);
    if (!stream) {
      stream = { name: streamName, creationTime: ingestion, lastIngestionTime: ingestion, events: [] };
      group.streams.set(streamName, stream);
    }
    const event: StoredEvent = { timestamp: ts, seq: ++this.seq, ingestionTime: ingestion, message };
    const last = stream.events[stream.events.length - 1];
    if (!last || compareKey(last, event) <= 0) stream.events.push(event);
    else stream.events.splice(upperBound(stream.events, event), 0, event);
    stream.lastIngestionTime = ingestion;
    const size = Buffer.byteLength(message) + EVENT_OVERHEAD;
    group.bytes += size;
    this.totalBytes += size;
    if (group.bytes > this.maxGroupBytes) this.trim(group, this.maxGroupBytes * 0.9);
    if (this.totalBytes > this.maxTotalBytes) {
      // Over the store-wide bound: the largest group gives up its oldest events first.
      let largest = group;
      for (const g of this.groups.values()) if (g.bytes > largest.bytes) largest = g;
      this.trim(largest, largest.bytes - (this.totalBytes - this.maxTotalBytes * 0.9));
    }
  }

  /** Drops the group's oldest events until it holds at most `target` bytes. */
  private trim(group: StoredGroup, target: number): void {
    while (group.bytes > target) {
      let oldest: StoredStream | undefined;
      for (const s of group.streams.values()) {
        const first = s.events[0];
        if (first && (!oldest || compareKey(first, oldest.events[0] as StoredEvent) < 0)) oldest = s;
      }
      const dropped = oldest?.events.shift();
      if (!dropped) break;
      const size = Buffer.byteLength(dropped.message) + EVENT_OVERHEAD;
      group.bytes -= size;
      this.totalBytes -= size;
    }
  }

  private liveBytes(): number {
    return this.totalBytes;
  }

  private load(): void {
    if (!existsSync(this.file)) return;
    const text = readFileSync(this.file, "utf8");
    this.journalBytes = statSync(this.file).size;
    for (const line of text.split("\n")) {
      if (!line) continue;
      try {
        const [group, stream, ts, ingestion, message] = JSON.parse(line) as [string, string, number, number, string];
        this.insert(group, stream, message, ts, ingestion);
      } catch {
        // A torn last line after a crash: skip it, the rest of the journal is intact.
      }
    }
    if (this.journalBytes > 2 * this.liveBytes() + 4 * 1024 * 1024) this.compact();
  }

  /** Rewrites the journal with only the live events (atomic rename). */
  private compact(): void {
    const lines: string[] = [];
    for (const g of this.groups.values()) {
      for (const s of g.streams.values()) {
        for (const e of s.events) lines.push(JSON.stringify([g.name, s.name, e.timestamp, e.ingestionTime, e.message]));
      }
    }
    const text = lines.length ? lines.join("\n") + "\n" : "";
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, this.file);
    this.journalBytes = Buffer.byteLength(text);
  }
}
