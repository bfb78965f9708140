import type { InstanceInfo, Route, SampleBatch } from "../contracts.js";

// Shared by the balancer, the autoscaler and telemetry: kept apart so that none of them imports another.

/** A request waiting for a free instance slot. */
export interface Waiter {
  resolve(instance: InstanceInfo): void;
  reject(err: Error): void;
  enqueuedAt: number;
}

/** Requests finished since the last flush, per service. */
export interface RequestTally {
  requests: number;
  s2xx: number;
  s4xx: number;
  s5xx: number;
  latency: SampleBatch;
}

/** Per-service routing state the autoscaler and telemetry read. */
export interface ServiceState {
  route: Route;
  /** The host the service was first reached by; the data plane refreshes the route through it. */
  host: string;
  queue: Waiter[];
  /** Requests dispatched to an instance and not finished yet. */
  inflight: number;
  /** instanceId -> last time it was serving a request (ms); drives ActiveInstances. */
  lastActive: Map<string, number>;
  /** Requests finished since telemetry last flushed them. */
  tally: RequestTally | undefined;
}

/** Started and not stopped: what App Runner counts (and bills) as a provisioned instance. */
export const isProvisioned = (i: InstanceInfo) => i.state === "starting" || i.state === "healthy" || i.state === "unhealthy";
