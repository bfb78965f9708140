import type { AppRunnerServiceShape, DeploymentReason, DeploymentRequest, Engine, Json, LogSink, Route, RouteStatus, RouteTable, ScalingBounds } from "../contracts.js";
import { logGroups, logStreams } from "../contracts.js";
import { AwsError } from "../protocol/json-response.js";
import { AutoScalingRegistry } from "./auto-scaling-registry.js";
import { hexId, parseArn, serviceHost } from "./ids.js";
import { renderService } from "./render.js";
import type { ControlPlaneState, OperationRecord, OperationStatus, OperationType, ServiceRecord, ServiceStatus } from "./state.js";
import { StateFile } from "./state.js";

export interface ControlPlaneOptions {
  dataDir: string;
  accountId: string;
  /** Host part of ServiceUrl is `<name>.<id>.localhost`; this port follows it. */
  dataPlanePort: number;
  domainActivationSeconds: number;
  engine: Engine;
  routes: RouteTable;
  logs: LogSink;
}

/** Outcome of an operation's background work: what the service and the operation become. */
export interface OperationOutcome {
  service: ServiceStatus;
  operation: OperationStatus;
}

/**
 * App Runner's control-plane state and the rules that move it: persistence, routes, service events and the
 * lifecycle of asynchronous operations. The operation handlers (service-operations.ts and friends) call in here.
 */
export class ControlPlane {
  readonly state: ControlPlaneState;
  readonly autoScaling: AutoScalingRegistry;
  private readonly file: StateFile;
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly settledListeners: ((svc: ServiceRecord) => void)[] = [];
  private closed = false;

  constructor(readonly opts: ControlPlaneOptions) {
    this.file = new StateFile(opts.dataDir);
    this.state = this.file.load();
    this.autoScaling = new AutoScalingRegistry(this.state, opts.accountId, () => this.persist());
  }

  get accountId(): string {
    return this.opts.accountId;
  }

  get engine(): Engine {
    return this.opts.engine;
  }

  persist(): void {
    if (!this.closed) this.file.save(this.state);
  }

  serviceUrl(svc: ServiceRecord): string {
    return `${serviceHost(svc.name, svc.id)}:${this.opts.dataPlanePort}`;
  }

  describe(svc: ServiceRecord): { [key: string]: Json } {
    return renderService(svc, this.serviceUrl(svc), this.autoScaling.byArn(svc.region, svc.config.AutoScalingConfigurationArn));
  }

  /** A service by ARN within the caller's region; DELETED services stay readable, as in App Runner. */
  findService(region: string, arn: string): ServiceRecord {
    const parsed = parseArn(arn);
    const svc =
      parsed?.resourceType === "service" && parsed.region === region && parsed.account === this.accountId
        ? this.state.services.find((s) => s.arn === arn && s.region === region)
        : undefined;
    if (!svc) throw new AwsError("ResourceNotFoundException", `Resource not found: service ${arn} does not exist in ${region}`);
    return svc;
  }

  /** App Runner's state rules for mutating calls; `allowed` lists the statuses in which this call is accepted. */
  requireStatus(svc: ServiceRecord, action: string, allowed: ServiceStatus[]): void {
    if (allowed.includes(svc.status)) return;
    if (svc.status === "OPERATION_IN_PROGRESS") {
      const op = svc.operations.find((o) => o.id === svc.activeOperationId);
      throw new AwsError(
        "InvalidStateException",
        `You can't ${action} while the service is in OPERATION_IN_PROGRESS status: operation ${op?.type ?? "?"} ${op?.id ?? ""} is still running. Wait for it to finish, then retry.`,
      );
    }
    if (svc.status === "PAUSED") {
      throw new AwsError("InvalidStateException", `Service ${svc.name} is paused. You can't ${action} while the service is PAUSED: resume it first (ResumeService).`);
    }
    throw new AwsError("InvalidStateException", `You can't ${action} while the service is in ${svc.status} status (accepted in: ${allowed.join(", ")}).`);
  }

  event(svc: ServiceRecord, message: string): void {
    try {
      this.opts.logs.append(logGroups.service(svc.name, svc.id), logStreams.events, `[AppRunner] ${message}`);
    } catch (err) {
      process.stderr.write(`service event not logged: ${String(err)}\n`);
    }
  }

  scalingOf(svc: ServiceRecord): ScalingBounds {
    const asc = this.autoScaling.byArn(svc.region, svc.config.AutoScalingConfigurationArn);
    return { minSize: asc?.minSize ?? 1, maxSize: asc?.maxSize ?? 25, maxConcurrency: asc?.maxConcurrency ?? 100 };
  }

  deploymentRequest(svc: ServiceRecord, operationId: string, reason: DeploymentReason): DeploymentRequest {
    return { operationId, reason, service: this.describe(svc) as unknown as AppRunnerServiceShape, scaling: this.scalingOf(svc) };
  }

  /** ServiceUrl host and ACTIVE custom domains -> route; everything else of this service removed. */
  syncRoutes(svc: ServiceRecord): void {
    const hosts = [serviceHost(svc.name, svc.id)];
    const now = Date.now();
    const wanted = new Set<string>();
    for (const d of svc.domains) {
      const names = d.enableWww ? [d.domainName, `www.${d.domainName}`] : [d.domainName];
      if (this.domainActive(d.createdAt, now)) names.forEach((n) => wanted.add(n.toLowerCase()));
      else this.scheduleDomainActivation(svc, d.createdAt);
    }
    // Only this service's own routes are dropped: a host another service serves is never touched from here.
    for (const [host, route] of [...this.opts.routes.entries()]) {
      if (route.serviceId === svc.id && (svc.status === "DELETED" || !(hosts.includes(host) || wanted.has(host)))) this.opts.routes.delete(host);
    }
    if (svc.status === "DELETED") return;
    const route: Route = { serviceId: svc.id, serviceName: svc.name, status: svc.status as RouteStatus, scaling: this.scalingOf(svc), instance: instanceSize(svc) };
    for (const h of [...hosts, ...wanted]) {
      const current = this.opts.routes.lookup(h);
      if (!current || current.serviceId === svc.id) this.opts.routes.set(h, route);
    }
  }

  domainActive(createdAt: number, now = Date.now()): boolean {
    return now - createdAt >= this.opts.domainActivationSeconds * 1000;
  }

  private scheduleDomainActivation(svc: ServiceRecord, createdAt: number): void {
    if (this.closed) return;
    const delay = Math.max(0, createdAt + this.opts.domainActivationSeconds * 1000 - Date.now()) + 10;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) this.syncRoutes(svc);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /**
   * Starts an asynchronous operation: the service turns OPERATION_IN_PROGRESS now, `work` runs in the
   * background and its outcome sets the final statuses. Returns the operation id for the API response.
   */
  startOperation(svc: ServiceRecord, type: OperationType, work: (op: OperationRecord) => Promise<OperationOutcome>): string {
    const now = Date.now();
    const before = svc.status;
    const op: OperationRecord = { id: hexId(), type, status: "IN_PROGRESS", targetArn: svc.arn, startedAt: now, updatedAt: now };
    svc.operations.unshift(op);
    svc.activeOperationId = op.id;
    svc.status = "OPERATION_IN_PROGRESS";
    svc.updatedAt = now;
    this.persist();
    this.syncRoutes(svc);
    const task = (async () => {
      let outcome: OperationOutcome;
      try {
        outcome = await work(op);
      } catch (err) {
        this.event(svc, `Operation ${type} ${op.id} failed: ${err instanceof Error ? err.message : String(err)}`);
        // An unexpected failure leaves the service as it was (a delete that failed is DELETE_FAILED, as in App Runner).
        const fallback: ServiceStatus = type === "DELETE_SERVICE" ? "DELETE_FAILED" : before === "OPERATION_IN_PROGRESS" || before === "CREATE_FAILED" ? "CREATE_FAILED" : before;
        outcome = { service: fallback, operation: "FAILED" };
      }
      // After shutdown started, leave the record as IN_PROGRESS: the next start's recovery decides its fate.
      if (this.closed) return;
      this.finishOperation(svc, op, outcome);
    })();
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
    return op.id;
  }

  /** A running operation's intermediate status (ROLLBACK_IN_PROGRESS); the service stays OPERATION_IN_PROGRESS. */
  setOperationStatus(op: OperationRecord, status: OperationStatus): void {
    if (this.closed || op.endedAt !== undefined) return;
    op.status = status;
    op.updatedAt = Date.now();
    this.persist();
  }

  finishOperation(svc: ServiceRecord, op: OperationRecord, outcome: OperationOutcome): void {
    const now = Date.now();
    op.status = outcome.operation;
    op.endedAt = now;
    op.updatedAt = now;
    svc.status = outcome.service;
    svc.updatedAt = now;
    if (outcome.service === "DELETED") svc.deletedAt = now;
    if (svc.activeOperationId === op.id) delete svc.activeOperationId;
    this.persist();
    this.syncRoutes(svc);
    this.event(svc, `Service status is set to ${svc.status}.`);
    for (const listener of this.settledListeners) listener(svc);
  }

  /** Called whenever an operation of a service has finished (the service is no longer OPERATION_IN_PROGRESS). */
  onOperationFinished(listener: (svc: ServiceRecord) => void): void {
    this.settledListeners.push(listener);
  }

  /** For tests and shutdown: resolves when no operation is running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Stops persisting and scheduling; background work still settles but no longer changes the state file. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/**
 * vCPU and MiB of the service's InstanceConfiguration, which the API stores as App Runner reports it
 * (Cpu in CPU units, "1024" = 1 vCPU; Memory in MB). The "1 vCPU" / "2 GB" input forms are read too, for
 * state written before they were normalized; anything unreadable falls back to App Runner's 1 vCPU / 2 GB.
 */
function instanceSize(svc: ServiceRecord): NonNullable<Route["instance"]> {
  const conf = svc.config.InstanceConfiguration as { Cpu?: Json; Memory?: Json } | undefined;
  const cpu = String(conf?.Cpu ?? "");
  const mem = String(conf?.Memory ?? "");
  const vcpuForm = /^([0-9.]+) vCPU$/.exec(cpu);
  const vcpu = vcpuForm ? Number(vcpuForm[1]) : Number(cpu) / 1024;
  const gbForm = /^([0-9.]+) GB$/.exec(mem);
  const memoryMiB = gbForm ? Number(gbForm[1]) * 1024 : Number(mem);
  return {
    vcpu: Number.isFinite(vcpu) && vcpu > 0 ? vcpu : 1,
    memoryMiB: Number.isFinite(memoryMiB) && memoryMiB > 0 ? memoryMiB : 2048,
  };
}
