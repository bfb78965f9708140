import { logGroups, logStreams, type AppRunnerMetricName, type Engine, type LogSink, type MetricSink } from "../contracts.js";
import { Histogram } from "../cloudwatch/histogram.js";
import { isProvisioned, type RequestTally, type ServiceState } from "./service-state.js";
import { ProcessSampler } from "./process-sampler.js";

/** App Runner's default instance, for routes that carry no size. */
const DEFAULT_INSTANCE = { vcpu: 1, memoryMiB: 2048 };
const MIB = 1024 * 1024;

/** Extra metric the data plane records next to App Runner's: instances started, whether or not they serve. */
export const PROVISIONED_METRIC = "ProvisionedInstances";

type WideSink = { record(service: { serviceName: string; serviceId: string }, metric: string, value: number, timestamp?: number): void };

function newTally(): RequestTally {
  return { requests: 0, s2xx: 0, s4xx: 0, s5xx: 0, latency: { sum: 0, count: 0, min: Infinity, max: -Infinity, hist: new Histogram() } };
}

/** Per-request and periodic App Runner metrics, plus scaling events in the service log. */
export class Telemetry {
  private readonly sampler = new ProcessSampler();

  constructor(
    private readonly metrics: MetricSink,
    private readonly logs: LogSink,
    private readonly engine: Engine,
  ) {}

  /**
   * One finished request. Tallied per service and flushed every second (flush), rather than three metric
   * samples per request: this runs on the data plane's hot path.
   */
  request(s: ServiceState, status: number, latencyMs: number): void {
    const t = (s.tally ??= newTally());
    t.requests++;
    if (status >= 500) t.s5xx++;
    else if (status >= 400) t.s4xx++;
    else if (status >= 200 && status < 300) t.s2xx++;
    const l = t.latency;
    l.sum += latencyMs;
    l.count++;
    if (latencyMs < l.min) l.min = latencyMs;
    if (latencyMs > l.max) l.max = latencyMs;
    (l.hist as Histogram).add(latencyMs);
  }

  /** Every second, and before the data plane forgets a service: the requests tallied since the last flush. */
  flush(s: ServiceState, now = Date.now()): void {
    const t = s.tally;
    if (!t) return;
    s.tally = undefined;
    const svc = s.route;
    const count = (metric: AppRunnerMetricName, n: number) => {
      if (n) this.metrics.recordBatch(svc, metric, { sum: n, count: n, min: 1, max: 1 }, now);
    };
    count("Requests", t.requests);
    count("2xxStatusResponses", t.s2xx);
    count("4xxStatusResponses", t.s4xx);
    count("5xxStatusResponses", t.s5xx);
    this.metrics.recordBatch(svc, "RequestLatency", t.latency, now);
  }

  /** Every second: concurrent requests (in flight + queued). */
  concurrency(s: ServiceState): void {
    this.metrics.record(s.route, "Concurrency", s.inflight + s.queue.length);
  }

  /**
   * Every few seconds: active and provisioned instances, CPU and memory of the instances' processes, as
   * percentages of the service's instance size (App Runner's CPUUtilization and MemoryUtilization, averaged
   * over instances). CPU is capped at 100: a real instance is throttled at its vCPU, while a local process
   * may use more cores than the instance would have. Memory is not capped: above 100 the app would not fit
   * (App Runner would restart the instance), which is worth seeing.
   */
  instances(services: Iterable<ServiceState>, windowMs: number): void {
    const now = Date.now();
    const pids = new Set<number>();
    for (const s of services) {
      const instances = this.engine.instances(s.route.serviceId);
      const active = instances.filter((i) => (s.lastActive.get(i.instanceId) ?? 0) >= now - windowMs).length;
      for (const id of s.lastActive.keys()) if (!instances.some((i) => i.instanceId === id)) s.lastActive.delete(id);
      this.metrics.record(s.route, "ActiveInstances", active, now);
      (this.metrics as unknown as WideSink).record(s.route, PROVISIONED_METRIC, instances.filter(isProvisioned).length, now);
      const size = s.route.instance ?? DEFAULT_INSTANCE;
      let cpu = 0;
      let cpuN = 0;
      let mem = 0;
      let memN = 0;
      for (const inst of instances) {
        if (inst.pid === undefined || inst.state === "stopped") continue;
        pids.add(inst.pid);
        const sample = this.sampler.sample(inst.pid, now);
        if (!sample) continue;
        // A new instance's first sample has no CPU figure yet (no interval to measure over).
        if (sample.cpuPercent !== undefined) {
          cpu += Math.min(100, sample.cpuPercent / size.vcpu);
          cpuN++;
        }
        mem += (sample.rssBytes / (size.memoryMiB * MIB)) * 100;
        memN++;
      }
      if (cpuN) this.metrics.record(s.route, "CPUUtilization", cpu / cpuN, now);
      if (memN) this.metrics.record(s.route, "MemoryUtilization", mem / memN, now);
    }
    this.sampler.retain(pids);
  }

  scaled(s: ServiceState, from: number, to: number): void {
    const { serviceName, serviceId, scaling } = s.route;
    const demand = s.inflight + s.queue.length;
    this.logs.append(
      logGroups.service(serviceName, serviceId),
      logStreams.events,
      `Autoscaling: ${to > from ? "scaling out" : "scaling in"} from ${from} to ${to} instances (${demand} concurrent requests, MaxConcurrency ${scaling.maxConcurrency}, MinSize ${scaling.minSize}, MaxSize ${scaling.maxSize}).`,
    );
  }
}
