// CPUUtilization and MemoryUtilization relative to the route's instance size, measured by the real /proc
// sampler on a real busy process, checked against the CPU time the process reports about itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogSink, MetricSink, Route } from "../contracts.js";
import type { ServiceState } from "./service-state.js";
import { Telemetry } from "./telemetry.js";
import { get, ProcessEngine } from "./test-support.js";

// Spins in 20 ms slices so it still answers /health and /cpu (its own user+system CPU time, in microseconds).
const BUSY_APP = `
const http = require("node:http");
(function spin() { const end = Date.now() + 20; while (Date.now() < end); setImmediate(spin); })();
const blob = Buffer.alloc(64 * 1024 * 1024, 1);
http.createServer((req, res) => {
  const u = process.cpuUsage();
  res.end(req.url === "/cpu" ? String(u.user + u.system) : "ok " + blob.length);
}).listen(Number(process.env.PORT), "127.0.0.1");
`;

const engine = new ProcessEngine(BUSY_APP);
const scaling = { minSize: 1, maxSize: 1, maxConcurrency: 10 };
const noLogs: LogSink = { append: () => undefined };

/** A telemetry with its own sampler and a sink that keeps what it is given, for a service of the given size. */
function probe(instance: Route["instance"]) {
  const recorded: { metric: string; value: number }[] = [];
  const sink: MetricSink = { record: (_svc, metric, value) => void recorded.push({ metric, value }), recordBatch: () => undefined };
  const route: Route = { serviceId: "busy", serviceName: "busy", status: "RUNNING", scaling, instance };
  const state: ServiceState = { route, host: "busy.localhost", queue: [], inflight: 0, lastActive: new Map(), tally: undefined };
  const telemetry = new Telemetry(sink, noLogs, engine);
  return { sample: () => telemetry.instances([state], 5000), last: (m: string) => recorded.filter((r) => r.metric === m).at(-1)?.value, recorded };
}

async function cpuMicros(): Promise<number> {
  const inst = engine.instances("busy")[0]!;
  return Number((await get(inst.port, "127.0.0.1", "/cpu")).body);
}

beforeAll(() => engine.start("busy", scaling));
afterAll(() => engine.shutdown());

describe("Telemetry utilization against the instance size", () => {
  it("divides CPU by the instance's vCPU (capped at 100) and memory by its MiB", async () => {
    const quarter = probe({ vcpu: 0.25, memoryMiB: 512 });
    const double = probe({ vcpu: 2, memoryMiB: 4096 });
    const standard = probe(undefined);
    const c0 = await cpuMicros();
    const w0 = Date.now();
    [quarter, double, standard].forEach((p) => p.sample());
    // A first sample has no interval to measure CPU over: memory only.
    expect(quarter.recorded.map((r) => r.metric)).toEqual(["ActiveInstances", "ProvisionedInstances", "MemoryUtilization"]);
    // Measure over at least 2 s and at least 0.4 s of the app's CPU time: on a loaded machine the
    // busy app gets less than a core, and the ratios below need a signal well above /proc's ticks.
    await new Promise((r) => setTimeout(r, 2000));
    for (let i = 0; i < 200 && (await cpuMicros()) - c0 < 400_000; i++) await new Promise((r) => setTimeout(r, 200));
    [quarter, double, standard].forEach((p) => p.sample());
    const c1 = await cpuMicros();
    const cores = (c1 - c0) / 1e6 / ((Date.now() - w0) / 1000);
    expect(c1 - c0).toBeGreaterThan(400_000);
    const detail = `process used ${cores.toFixed(2)} cores; 2 vCPU ${double.last("CPUUtilization")}, default ${standard.last("CPUUtilization")}, 0.25 vCPU ${quarter.last("CPUUtilization")}`;
    expect(double.last("CPUUtilization")! / ((cores * 100) / 2), detail).toBeGreaterThan(0.85);
    expect(double.last("CPUUtilization")! / ((cores * 100) / 2), detail).toBeLessThan(1.15);
    expect(standard.last("CPUUtilization")! / (cores * 100), detail).toBeGreaterThan(0.85);
    expect(standard.last("CPUUtilization")! / (cores * 100), detail).toBeLessThan(1.15);
    expect(quarter.last("CPUUtilization"), detail).toBeCloseTo(Math.min(100, cores * 400), -1);
    // The same process against 512 MiB, 2048 MiB (default) and 4096 MiB; it holds a 64 MiB buffer.
    const mem512 = quarter.last("MemoryUtilization")!;
    expect(mem512).toBeGreaterThan((64 / 512) * 100);
    expect(mem512 / standard.last("MemoryUtilization")!).toBeCloseTo(4, 1);
    expect(mem512 / double.last("MemoryUtilization")!).toBeCloseTo(8, 1);
  }, 90_000);
});
