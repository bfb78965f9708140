import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Histogram } from "./histogram.js";
import { MetricStore, statistic } from "./metric-store.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "runway-metric-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("MetricStore", () => {
  it("keeps 1-minute statistics, 10-second buckets and latency percentiles across a restart", () => {
    const svc = { serviceName: "web", serviceId: "abc" };
    const t = Math.floor(Date.now() / 60_000) * 60_000 - 120_000;
    const store = new MetricStore({ dir });
    for (let i = 1; i <= 1000; i++) store.record(svc, "RequestLatency", i, t + (i % 60) * 1000);
    store.record(svc, "Requests", 5, t + 15_000);
    store.close();

    const again = new MetricStore({ dir });
    const series = again.find("RequestLatency", [{ Name: "ServiceName", Value: "web" }]);
    const minute = again.aggregate(series, t, t + 60_000, 60_000).get(t);
    expect(minute && { count: minute.count, min: minute.min, max: minute.max }).toEqual({ count: 1000, min: 1, max: 1000 });
    expect(Math.abs((statistic(minute!, "p90") ?? 0) - 900) / 900).toBeLessThan(0.03);
    expect(Math.abs((statistic(minute!, "p50") ?? 0) - 500) / 500).toBeLessThan(0.03);
    const tenSeconds = again.aggregate(again.find("Requests", []), t, t + 60_000, 10_000);
    expect([...tenSeconds.entries()].map(([ts, a]) => [ts - t, a.sum])).toEqual([[10_000, 5]]);
    expect(again.find("Requests", [{ Name: "ServiceID", Value: "other" }])).toHaveLength(0);
    // A late sample rewrites its minute: the journal's newer line replaces the older one on the next start.
    again.record(svc, "RequestLatency", 5000, t + 59_000);
    again.close();
    const third = new MetricStore({ dir });
    const merged = third.aggregate(third.find("RequestLatency", []), t, t + 60_000, 60_000).get(t);
    expect(merged && [merged.count, merged.max]).toEqual([1001, 5000]);
    third.close();
  });

  it("gives the same statistics for samples recorded in a batch as one by one, and keeps the caller's histogram apart", () => {
    const t = Math.floor(Date.now() / 60_000) * 60_000 - 120_000;
    const store = new MetricStore({ dir: path.join(dir, "batch") });
    const values = Array.from({ length: 500 }, (_, i) => ((i * 37) % 500) + 0.5);
    const one = { serviceName: "one", serviceId: "1" };
    const batched = { serviceName: "batched", serviceId: "2" };
    for (const v of values) store.record(one, "RequestLatency", v, t + 5_000);
    const hist = new Histogram();
    for (const v of values) hist.add(v);
    // In two halves, as two flushes in the same minute would.
    const half = (vs: number[]) => ({ sum: vs.reduce((a, b) => a + b, 0), count: vs.length, min: Math.min(...vs), max: Math.max(...vs) });
    const h1 = new Histogram();
    const h2 = new Histogram();
    values.slice(0, 250).forEach((v) => h1.add(v));
    values.slice(250).forEach((v) => h2.add(v));
    store.recordBatch(batched, "RequestLatency", { ...half(values.slice(0, 250)), hist: h1 }, t + 5_000);
    store.recordBatch(batched, "RequestLatency", { ...half(values.slice(250)), hist: h2 }, t + 6_000);
    h1.add(1e6); // the store must not share the caller's histogram
    const stats = (name: string) => {
      const agg = store.aggregate(store.find("RequestLatency", [{ Name: "ServiceName", Value: name }]), t, t + 60_000, 60_000).get(t)!;
      return { sum: agg.sum, count: agg.count, min: agg.min, max: agg.max, p50: statistic(agg, "p50"), p99: statistic(agg, "p99") };
    };
    expect(stats("batched")).toEqual(stats("one"));
    expect(stats("one").count).toBe(500);
    store.close();
  });
});
