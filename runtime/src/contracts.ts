// Contracts between the runtime's parts: the control plane (App Runner API),
// the engine (builds, instances, deployments), the data plane (proxy,
// autoscaling) and the telemetry stores (CloudWatch metrics, Logs).
// main.ts wires concrete implementations together; each part depends only on
// these interfaces, so the parts can be built and tested on their own.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Histogram } from "./cloudwatch/histogram.js";

/** Any JSON value (App Runner shapes are stored verbatim as the API returns them). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One protocol front (App Runner JSON 1.0, CloudWatch, Logs) on the API listener. */
export interface ApiHandler {
  /** The SigV4 signing name clients scope their credentials to (`apprunner`, `monitoring`, `logs`). */
  signingName: string;
  /** Larger bodies are refused (413) before they are read or parsed. */
  maxBodyBytes: number;
  /** Decides from headers alone (X-Amz-Target, Content-Type, path) whether this handler owns the request. */
  canHandle(req: IncomingMessage): boolean;
  /** Writes the full response. Must never throw: errors are encoded in the protocol's own error shape. */
  handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void>;
}

// ---------------------------------------------------------------- logs

/** Append-only sink for CloudWatch Logs events. Group/stream are created on first write. */
export interface LogSink {
  append(group: string, stream: string, message: string, timestamp?: number): void;
}

/** Log group names exactly as App Runner names them. */
export const logGroups = {
  service: (serviceName: string, serviceId: string) => `/aws/apprunner/${serviceName}/${serviceId}/service`,
  application: (serviceName: string, serviceId: string) => `/aws/apprunner/${serviceName}/${serviceId}/application`,
};
export const logStreams = {
  events: "events",
  deployment: (operationId: string) => `deployment/${operationId}`,
  instance: (instanceId: string) => `instance/${instanceId}`,
};

// ---------------------------------------------------------------- metrics

export type AppRunnerMetricName =
  | "ActiveInstances"
  | "Concurrency"
  | "Requests"
  | "2xxStatusResponses"
  | "4xxStatusResponses"
  | "5xxStatusResponses"
  | "RequestLatency"
  | "CPUUtilization"
  | "MemoryUtilization";

/** Raw samples; the metric store aggregates them into 1-minute (and finer) buckets. */
export interface MetricSink {
  record(service: { serviceName: string; serviceId: string }, metric: AppRunnerMetricName, value: number, timestamp?: number): void;
  /** As if `count` samples summing to `sum`, between `min` and `max`, were recorded (with their distribution, if given). */
  recordBatch(service: { serviceName: string; serviceId: string }, metric: AppRunnerMetricName, batch: SampleBatch, timestamp?: number): void;
}

/** Samples the caller aggregated itself: the data plane tallies requests and flushes every second. */
export interface SampleBatch {
  sum: number;
  count: number;
  min: number;
  max: number;
  /** The samples' distribution, for percentile statistics (RequestLatency). */
  hist?: Histogram;
}

// ---------------------------------------------------------------- engine

export interface ScalingBounds {
  minSize: number;
  maxSize: number;
  maxConcurrency: number;
}

export type InstanceState = "starting" | "healthy" | "unhealthy" | "draining" | "stopped";

export interface InstanceInfo {
  instanceId: string;
  serviceId: string;
  /** Operation id of the deployment that started this instance. */
  deploymentId: string;
  host: string;
  port: number;
  pid: number | undefined;
  state: InstanceState;
  startedAt: number;
}

export type DeploymentReason = "create" | "update" | "deploy" | "resume" | "auto" | "restore";

export interface DeploymentRequest {
  /** The ListOperations id; also names the `deployment/<id>` log stream. */
  operationId: string;
  reason: DeploymentReason;
  /** The App Runner `Service` shape as DescribeService returns it. */
  service: AppRunnerServiceShape;
  /** Plain environment variables and secrets already resolved to values. */
  scaling: ScalingBounds;
  /**
   * Progress hook: called at most once, when the deployment has failed and the engine starts restoring the
   * previous deployment (stopping the new instances while the previous ones keep serving), before deploy()
   * resolves. Not called when there is no previous deployment to roll back to. Lets the control plane show
   * ROLLBACK_IN_PROGRESS while the rollback runs. Must not throw.
   */
  onRollback?: (reason: string) => void;
}

export type DeploymentResult =
  | { ok: true; /** e.g. git commit deployed, for the service log */ version?: string }
  | { ok: false; /** one line, user-facing, also written to the service log */ reason: string };

/** Minimal typed view of the App Runner Service shape the engine reads. */
export interface AppRunnerServiceShape {
  ServiceName: string;
  ServiceId: string;
  ServiceArn: string;
  ServiceUrl?: string;
  Status: string;
  SourceConfiguration: { [key: string]: Json };
  InstanceConfiguration?: { [key: string]: Json };
  HealthCheckConfiguration?: { [key: string]: Json };
  [key: string]: Json | undefined;
}

export interface Engine {
  /** Build (when needed) and roll out; resolves once new instances serve, or after a failure was rolled back. Never rejects. */
  deploy(req: DeploymentRequest): Promise<DeploymentResult>;
  /** Resume a paused service from its last deployed build (no new source fetch). */
  resume(req: DeploymentRequest): Promise<DeploymentResult>;
  /** Start a service that was running before a restart from its last deployed build. */
  restore(req: DeploymentRequest): Promise<DeploymentResult>;
  /** Stop all instances (draining first); the builds stay. */
  pause(serviceId: string): Promise<void>;
  /** Stop everything and delete the service's builds. */
  remove(serviceId: string): Promise<void>;
  /** Live change of autoscaling bounds (UpdateService with a new configuration). */
  setScaling(serviceId: string, scaling: ScalingBounds): void;
  /** Desired instance count chosen by the autoscaler, clamped by the engine to the bounds. */
  scaleTo(serviceId: string, desired: number): void;
  /** Read-only, and may be the same array until the instances change: callers must not keep or modify it. */
  instances(serviceId: string): readonly Readonly<InstanceInfo>[];
  /** Auto deployments: called when the tracked branch of a repository gets a new commit. */
  onSourceChanged(listener: (serviceId: string) => void): void;
  /** Stop all instances (runtime shutdown). */
  shutdown(): Promise<void>;
}

/** Implemented by the data plane: lets the engine drain an instance before stopping it. */
export interface DrainHook {
  /** Resolves when the instance has no outstanding requests, or after timeoutMs. */
  waitIdle(instanceId: string, timeoutMs: number): Promise<void>;
}

// ---------------------------------------------------------------- routing

export type RouteStatus = "RUNNING" | "PAUSED" | "DELETED" | "OPERATION_IN_PROGRESS" | "CREATE_FAILED";

export interface Route {
  serviceId: string;
  serviceName: string;
  status: RouteStatus;
  scaling: ScalingBounds;
  /**
   * The service's InstanceConfiguration: CPUUtilization and MemoryUtilization are percentages of it, as in
   * App Runner. Absent means App Runner's default instance (1 vCPU, 2048 MiB).
   */
  instance?: { vcpu: number; memoryMiB: number };
}

/** Kept up to date by the control plane; read by the data plane for every request. */
export interface RouteTable {
  /** Host name without port, lower-case: the ServiceUrl host and ACTIVE custom domains. */
  set(hostname: string, route: Route): void;
  delete(hostname: string): void;
  /** By a host name already normalized (see normalize() in dataplane/route-table.ts). */
  lookup(hostname: string): Route | undefined;
  /** Every host name and its route (the data plane samples idle services too). */
  entries(): Iterable<[string, Route]>;
}
