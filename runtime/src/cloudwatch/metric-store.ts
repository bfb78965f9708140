import { mkdirSync } from "node:fs";
import type { AppRunnerMetricName, MetricSink, SampleBatch } from "../contracts.js";
import { Histogram } from "./histogram.js";
import { MetricJournal, type JournalEntry } from "./metric-journal.js";

export const NAMESPACE = "AWS/AppRunner";
/** Sub-minute buckets, kept as long as CloudWatch keeps high-resolution data. */
export const FINE_MS = 10_000;
const FINE_KEEP_MS = 3 * 3600_000;
const MINUTE_MS = 60_000;
const MINUTE_KEEP_MS = 15 * 24 * 3600_000;
const MAX_SERIES = 5000;
const PERSIST_MS = 60_000;

/** Aggregate of the raw samples that fell in one bucket. */
export interface Agg {
  sum: number;
  count: number;
  min: number;
  max: number;
  hist?: Histogram;
}

export interface Series {
  metric: string;
  serviceName: string;
  serviceId: string;
  fine: Map<number, Agg>;
  minute: Map<number, Agg>;
  updated: number;
  /** Minute buckets changed since they were last written to the journal. */
  dirty: Set<number>;
  /** Set once pruned or evicted, so cached references stop receiving samples. */
  dead?: boolean;
}

export interface Dimension {
  Name: string;
  Value: string;
}

/** Metrics with a latency distribution keep a histogram per bucket for pNN statistics. */
const WITH_HISTOGRAM = new Set<string>(["RequestLatency"]);

/**
 * App Runner metrics for the runtime: raw samples aggregated into 10-second buckets (3 hours) and 1-minute
 * buckets (15 days), each with sum/count/min/max and, for RequestLatency, a log-scale histogram.
 * Persisted through MetricJournal (append-only, every minute, and on close). Besides App Runner's own metric names it
 * accepts extra ones (the data plane records `ProvisionedInstances`).
 */
export class MetricStore implements MetricSink {
  private readonly series = new Map<string, Series>();
  private readonly byObject = new WeakMap<object, Map<string, Series>>();
  private readonly journal: MetricJournal;
  private timer: NodeJS.Timeout | undefined;

  constructor(opts: { dir: string }) {
    mkdirSync(opts.dir, { recursive: true });
    this.journal = new MetricJournal(opts.dir);
    this.load();
    this.timer = setInterval(() => {
      this.prune(Date.now());
      this.persist(false);
    }, PERSIST_MS).unref();
  }

  record(service: { serviceName: string; serviceId: string }, metric: AppRunnerMetricName | string, value: number, timestamp?: number): void {
    if (!Number.isFinite(value)) return;
    const ts = timestamp ?? Date.now();
    const s = this.seriesFor(service, metric, ts);
    add(s.fine, ts - (ts % FINE_MS), value, WITH_HISTOGRAM.has(metric));
    const minute = ts - (ts % MINUTE_MS);
    add(s.minute, minute, value, WITH_HISTOGRAM.has(metric));
    s.dirty.add(minute);
  }

  /** Many samples at once, aggregated by the caller (the data plane tallies requests and flushes every second). */
  recordBatch(service: { serviceName: string; serviceId: string }, metric: AppRunnerMetricName | string, batch: SampleBatch, timestamp?: number): void {
    if (!batch.count || !Number.isFinite(batch.sum)) return;
    const ts = timestamp ?? Date.now();
    const s = this.seriesFor(service, metric, ts);
    const agg: Agg = { sum: batch.sum, count: batch.count, min: batch.min, max: batch.max, ...(batch.hist ? { hist: batch.hist } : {}) };
    const minute = ts - (ts % MINUTE_MS);
    mergeInto(s.fine, ts - (ts % FINE_MS), agg);
    mergeInto(s.minute, minute, agg);
    s.dirty.add(minute);
  }

  private seriesFor(service: { serviceName: string; serviceId: string }, metric: string, ts: number): Series {
    // Callers pass the same route object for every request: find its series by identity before building a key.
    let cached = this.byObject.get(service);
    let s = cached?.get(metric);
    if (!s || s.dead || s.serviceName !== service.serviceName || s.serviceId !== service.serviceId) {
      const key = `${metric}\u0000${service.serviceName}\u0000${service.serviceId}`;
      s = this.series.get(key);
      if (!s) {
        if (this.series.size >= MAX_SERIES) this.evictOldest();
        s = newSeries(metric, service.serviceName, service.serviceId, ts);
        this.series.set(key, s);
      }
      if (!cached) {
        cached = new Map();
        this.byObject.set(service, cached);
      }
      cached.set(metric, s);
    }
    s.updated = Math.max(s.updated, ts);
    return s;
  }

  /** Series whose dimensions include every given dimension (a subset match, so ServiceName alone works too). */
  find(metric: string | undefined, dims: Dimension[]): Series[] {
    const out: Series[] = [];
    for (const s of this.series.values()) {
      if (metric !== undefined && s.metric !== metric) continue;
      const value = (name: string) => (name === "ServiceName" ? s.serviceName : name === "ServiceID" ? s.serviceId : undefined);
      if (dims.every((d) => value(d.Name) !== undefined && (d.Value === undefined || value(d.Name) === d.Value))) out.push(s);
    }
    return out.sort((a, b) => a.metric.localeCompare(b.metric) || a.serviceName.localeCompare(b.serviceName) || a.serviceId.localeCompare(b.serviceId));
  }

  /** Merges the series' buckets into periods of `periodMs` counted from start (rounded down to the bucket size), up to end; uses 10 s buckets only for sub-minute periods. */
  aggregate(series: Series[], startMs: number, endMs: number, periodMs: number): Map<number, Agg> {
    const fine = periodMs % MINUTE_MS !== 0;
    const from = startMs - (startMs % (fine ? FINE_MS : MINUTE_MS));
    // A week of minute buckets is ~10,000 per series: accumulate in flat arrays indexed by period
    // (no object per bucket), then build one Agg per period that has data.
    const n = Math.max(0, Math.ceil((endMs - from) / periodMs));
    const sum = new Float64Array(n);
    const count = new Float64Array(n);
    const min = new Float64Array(n).fill(Infinity);
    const max = new Float64Array(n).fill(-Infinity);
    const seen = new Uint8Array(n);
    const hists: (Histogram | undefined)[] = [];
    for (const s of series) {
      for (const [t, agg] of fine ? s.fine : s.minute) {
        if (t < from || t >= endMs) continue;
        const i = Math.floor((t - from) / periodMs);
        seen[i] = 1;
        sum[i] = sum[i]! + agg.sum;
        count[i] = count[i]! + agg.count;
        if (agg.min < min[i]!) min[i] = agg.min;
        if (agg.max > max[i]!) max[i] = agg.max;
        if (agg.hist) (hists[i] ??= new Histogram()).merge(agg.hist);
      }
    }
    const out = new Map<number, Agg>();
    for (let i = 0; i < n; i++) {
      if (!seen[i]) continue;
      const hist = hists[i];
      out.set(from + i * periodMs, { sum: sum[i]!, count: count[i]!, min: min[i]!, max: max[i]!, ...(hist ? { hist } : {}) });
    }
    return out;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.persist(true);
  }

  private prune(now: number): void {
    for (const s of this.series.values()) {
      for (const t of s.fine.keys()) if (t < now - FINE_KEEP_MS) s.fine.delete(t);
      for (const t of s.minute.keys()) if (t < now - MINUTE_KEEP_MS) s.minute.delete(t);
    }
    for (const [k, s] of this.series) {
      if (s.minute.size || s.fine.size) continue;
      s.dead = true;
      this.series.delete(k);
    }
  }

  private evictOldest(): void {
    let oldest: [string, Series] | undefined;
    for (const e of this.series) if (!oldest || e[1].updated < oldest[1].updated) oldest = e;
    if (oldest) {
      oldest[1].dead = true;
      this.series.delete(oldest[0]);
    }
  }

  /** Appends finished (or, on close, all) changed minute buckets to the journal; compacts it when needed. */
  private persist(final: boolean): void {
    try {
      const now = Date.now();
      const cutoff = final ? Infinity : now - (now % MINUTE_MS);
      const entries: JournalEntry[] = [];
      let live = 0;
      for (const s of this.series.values()) {
        live += s.minute.size;
        for (const t of s.dirty) {
          if (t >= cutoff) continue;
          s.dirty.delete(t);
          const agg = s.minute.get(t);
          if (agg) entries.push({ metric: s.metric, serviceName: s.serviceName, serviceId: s.serviceId, t, agg });
        }
      }
      this.journal.append(entries);
      if (this.journal.needsCompaction(live)) this.journal.rewrite(this.entries("minute"));
      if (final) this.journal.saveRecent(this.entries("fine"));
    } catch (err) {
      console.error(`metric store: cannot persist metrics: ${(err as Error).message}`);
    }
  }

  private entries(kind: "minute" | "fine"): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (const s of this.series.values()) {
      for (const [t, agg] of s[kind]) out.push({ metric: s.metric, serviceName: s.serviceName, serviceId: s.serviceId, t, agg });
    }
    return out;
  }

  private load(): void {
    const { minute, fine } = this.journal.load();
    for (const [kind, list] of [["minute", minute], ["fine", fine]] as const) {
      for (const e of list) {
        const key = `${e.metric}\u0000${e.serviceName}\u0000${e.serviceId}`;
        let s = this.series.get(key);
        if (!s) {
          s = newSeries(e.metric, e.serviceName, e.serviceId, e.t);
          this.series.set(key, s);
        }
        s.updated = Math.max(s.updated, e.t);
        s[kind].set(e.t, e.agg);
      }
    }
    this.prune(Date.now());
  }
}

function newSeries(metric: string, serviceName: string, serviceId: string, updated: number): Series {
  return { metric, serviceName, serviceId, fine: new Map(), minute: new Map(), dirty: new Set(), updated };
}

function add(buckets: Map<number, Agg>, t: number, value: number, withHist: boolean): void {
  let agg = buckets.get(t);
  if (!agg) {
    agg = { sum: 0, count: 0, min: value, max: value, ...(withHist ? { hist: new Histogram() } : {}) };
    buckets.set(t, agg);
  }
  agg.sum += value;
  agg.count += 1;
  if (value < agg.min) agg.min = value;
  if (value > agg.max) agg.max = value;
  agg.hist?.add(value);
}

function mergeInto(buckets: Map<number, Agg>, t: number, from: Agg): void {
  const agg = buckets.get(t);
  if (agg) merge(agg, from);
  else buckets.set(t, { sum: from.sum, count: from.count, min: from.min, max: from.max, ...(from.hist ? { hist: from.hist.clone() } : {}) });
}

function merge(into: Agg, from: Agg): void {
  into.sum += from.sum;
  into.count += from.count;
  into.min = Math.min(into.min, from.min);
  into.max = Math.max(into.max, from.max);
  if (from.hist) {
    into.hist ??= new Histogram();
    into.hist.merge(from.hist);
  }
}

/** Value of one CloudWatch statistic (Sum, Average, Minimum, Maximum, SampleCount, pNN) for a period, or undefined. */
export function statistic(agg: Agg, stat: string): number | undefined {
  switch (stat) {
    case "Sum":
      return agg.sum;
    case "Average":
      return agg.count ? agg.sum / agg.count : undefined;
    case "Minimum":
      return agg.min;
    case "Maximum":
      return agg.max;
    case "SampleCount":
      return agg.count;
  }
  const p = parsePercentile(stat);
  if (p === undefined) return undefined;
  if (!agg.hist) return p >= 50 ? agg.max : agg.min;
  const v = agg.hist.quantile(p / 100);
  return v === undefined ? undefined : Math.min(agg.max, Math.max(agg.min, v));
}

export function parsePercentile(stat: string): number | undefined {
  const m = /^p(\d{1,2}(?:\.\d{1,10})?|100)$/.exec(stat);
  return m ? Number(m[1]) : undefined;
}

export function isSupportedStat(stat: string): boolean {
  return ["Sum", "Average", "Minimum", "Maximum", "SampleCount"].includes(stat) || parsePercentile(stat) !== undefined;
}
