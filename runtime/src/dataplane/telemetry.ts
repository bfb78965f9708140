import { logGroups, logStreams, type Engine, type LogSink, type MetricSink } from "../contracts.js";
import { isProvisioned } from "./autoscaler.js";
import type { ServiceState } from "./balancer.js";
import { ProcessSampler } from "./process-sampler.js";

/** App Runner's defaults (1 vCPU, 2 GB): routes carry no instance size, so utilization is relative to these. */
const INSTANCE_MEMORY_BYTES = 2048 * 1024 * 1024;

/** Extra metric the data plane records next to App Runner's: instances started, whether or not they serve. */
export const PROVISIONED_METRIC = "ProvisionedInstances";

type WideSink = { record(service: { serviceName: string; serviceId: string }, metric: string, value: number, timestamp?: number): void };

/** Per-request and periodic App Runner metrics, plus scaling events in the service log. */
export class Telemetry {
  private readonly sampler = new ProcessSampler();

  constructor(
    private readonly metrics: MetricSink,
    private readonly logs: LogSink,
    private readonly engine: Engine,
  ) {}

  request(s: ServiceState, status: number, latencyMs: number): void {
    const svc = s.route;
    this.metrics.record(svc, "Requests", 1);
    this.metrics.record(svc, "RequestLatency", latencyMs);
    if (status >= 500) this.metrics.record(svc, "5xxStatusResponses", 1);
    else if (status >= 400) this.metrics.record(svc, "4xxStatusResponses", 1);
    else if (status >= 200 && status < 300) this.metrics.record(svc, "2xxStatusResponses", 1);
  }

  /** Every second: concurrent requests (in flight + queued). */
  concurrency(s: ServiceState): void {
    this.metrics.record(s.route, "Concurrency", s.inflight + s.queue.length);
  }

  /** Every few seconds: active and provisioned instances, CPU and memory of the instances' processes. */
  instances(services: Iterable<ServiceState>, windowMs: number): void {
    const now = Date.now();
    const pids = new Set<number>();
    for (const s of services) {
      const instances = this.engine.instances(s.route.serviceId);
      const active = instances.filter((i) => (s.lastActive.get(i.instanceId) ?? 0) >= now - windowMs).length;
      for (const id of s.lastActive.keys()) if (!instances.some((i) => i.instanceId === id)) s.lastActive.delete(id);
      this.metrics.record(s.route, "ActiveInstances", active, now);
      (this.metrics as unknown as WideSink).record(s.route, PROVISIONED_METRIC, instances.filter(isProvisioned).length, now);
      let cpu = 0;
      let mem = 0;
      let n = 0;
      for (const inst of instances) {
        if (inst.pid === undefined || inst.state === "stopped") continue;
        pids.add(inst.pid);
        const sample = this.sampler.sample(inst.pid, now);
        if (!sample) continue;
        cpu += sample.cpuPercent;
        mem += (sample.rssBytes / INSTANCE_MEMORY_BYTES) * 100;
        n++;
      }
      if (n) {
        this.metrics.record(s.route, "CPUUtilization", cpu / n, now);
        this.metrics.record(s.route, "MemoryUtilization", mem / n, now);
      }
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
