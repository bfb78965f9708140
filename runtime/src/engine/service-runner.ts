// The instances of one service: rollout of a release with no gap in traffic,
// replacement of crashed or unhealthy instances (with backoff), scaling to
// the desired count, draining before every stop.
import type { DrainHook, InstanceInfo, LogSink, ScalingBounds } from "../contracts.js";
import { DeployError } from "./build.js";
import type { EngineRecord, EngineStore, Release } from "./engine-store.js";
import { describeCheck } from "./health-check.js";
import { Instance, StartError } from "./instance.js";
import { ServiceLog } from "./service-log.js";
import type { ProcessScope } from "./process-tools.js";

export interface RunnerContext {
  store: EngineStore;
  logs: LogSink;
  drain: DrainHook;
  host: string;
  startTimeoutMs: number;
  stopTimeoutMs: number;
  drainTimeoutMs: number;
  shuttingDown: () => boolean;
  scope: ProcessScope;
}

const REPEAT_WINDOW_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

export class ServiceRunner {
  private current: Instance[] = [];
  /** What list() returns until the set of instances changes: the data plane reads it on every request. */
  private view: readonly Readonly<InstanceInfo>[] | undefined;
  scaling: ScalingBounds = { minSize: 1, maxSize: 25, maxConcurrency: 100 };
  desired = 1;
  deploying = false;
  paused = false;
  removed = false;
  log: ServiceLog;
  private failures = 0;
  private lastFailureAt = 0;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly ctx: RunnerContext,
    public record: EngineRecord,
  ) {
    this.log = new ServiceLog(ctx.logs, record.serviceName, record.serviceId);
  }

  get id(): string {
    return this.record.serviceId;
  }

  rename(serviceName: string): void {
    if (serviceName === this.record.serviceName) return;
    this.record.serviceName = serviceName;
    this.log = new ServiceLog(this.ctx.logs, serviceName, this.id);
  }

  /** Replaced, never changed in place, so that list() can hand out one array until the next change. */
  get instances(): readonly Instance[] {
    return this.current;
  }

  set instances(list: readonly Instance[]) {
    this.current = [...list];
    this.view = undefined;
  }

  /** The instances' live info objects (their state changes show through), read-only for callers. */
  list(): readonly Readonly<InstanceInfo>[] {
    return (this.view ??= this.current.map((i) => i.info));
  }

  private clamp(n: number): number {
    return Math.max(this.scaling.minSize, Math.min(this.scaling.maxSize, Math.round(n)));
  }

  /** New bounds; `apply` false defers starting/stopping instances to the next rollout or reconcile. */
  setScaling(scaling: ScalingBounds, apply = true): void {
    this.scaling = { ...scaling };
    this.desired = this.clamp(this.desired);
    if (apply) this.reconcile();
  }

  scaleTo(desired: number): void {
    this.desired = this.clamp(desired);
    this.reconcile();
  }

  persist(): void {
    if (this.removed) return;
    this.record.instances = this.instances
      .filter((i) => i.info.pid !== undefined)
      .map((i) => ({ instanceId: i.id, pid: i.info.pid!, procStart: i.procStart, containerName: i.containerName }));
    this.ctx.store.write(this.record);
  }

  private async newInstance(release: Release): Promise<Instance> {
    if (this.ctx.shuttingDown()) throw new DeployError("The runtime is shutting down");
    const inst = await Instance.create({
      serviceId: this.id,
      serviceName: this.record.serviceName,
      deploymentId: release.deploymentId,
      cwd: this.ctx.store.appDir(this.id, release),
      run: release.run,
      host: this.ctx.host,
      startTimeoutMs: this.ctx.startTimeoutMs,
      stopTimeoutMs: this.ctx.stopTimeoutMs,
      logs: this.ctx.logs,
      scope: this.ctx.scope,
    });
    this.instances = [...this.instances, inst];
    return inst;
  }

  private serve(inst: Instance): void {
    inst.info.state = "healthy";
    inst.onFailure = (reason) => this.instanceFailed(inst, reason);
    inst.startMonitoring();
  }

  /**
   * Starts `count` instances of the release; once all are healthy they take
   * traffic and the previous ones are drained and stopped. On failure the new
   * ones are stopped and the previous ones keep serving.
   */
  async rollout(release: Release, operationId: string, onFailure?: (reason: string) => void): Promise<void> {
    const count = this.clamp(this.desired);
    const created: Instance[] = [];
    const check = describeCheck(release.run.healthCheck, release.run.port);
    const say = (m: string) => this.log.deployment(operationId, m);
    const milestone = (m: string) => this.log.milestone(operationId, m);
    let started: Instance[];
    try {
      say(`[AppRunner] Starting ${count} instance(s); performing health check on ${check}.`);
      started = await Promise.all(Array.from({ length: count }, () => this.launch(release, created)));
      if (this.ctx.shuttingDown()) throw new DeployError("The runtime is shutting down");
    } catch (err) {
      const reason = (err as Error).message;
      milestone(`[AppRunner] ${reason}`);
      // Before the new instances are stopped: stopping them is the rollback (it can take the stop timeout).
      onFailure?.(reason);
      await Promise.all(created.map((inst) => inst.stop()));
      this.instances = this.instances.filter((i) => !created.includes(i));
      this.persist();
      throw new DeployError(reason);
    }
    const previous = this.instances.filter((i) => !started.includes(i));
    for (const inst of started) this.serve(inst);
    this.record.release = release;
    this.persist();
    milestone("[AppRunner] Health check is successful. Routing traffic to application.");
    if (previous.length > 0) say(`[AppRunner] Draining ${previous.length} instance(s) of the previous deployment.`);
    await Promise.all(previous.map((inst) => this.retire(inst, this.ctx.drainTimeoutMs)));
    say("[AppRunner] Successfully routed incoming traffic to application.");
  }

  /**
   * Creates and starts one instance; `created` collects every instance made, for cleanup on failure.
   * A start that lost its port to another process (a race between picking a free port and the app's listen) is retried once.
   */
  private async launch(release: Release, created: Instance[]): Promise<Instance> {
    for (let attempt = 1; ; attempt++) {
      const inst = await this.newInstance(release);
      created.push(inst);
      const starting = inst.start();
      this.persistSoon([inst]);
      try {
        await starting;
        this.persist();
        return inst;
      } catch (err) {
        if (!(err instanceof StartError && err.addressInUse && attempt < 2)) throw err;
        await inst.stop();
        this.instances = this.instances.filter((i) => i !== inst);
      }
    }
  }

  /** The pids of instances being started are recorded before health checks, in case the runtime dies meanwhile. */
  private persistSoon(started: Instance[]): void {
    setTimeout(() => {
      if (started.some((i) => i.info.pid !== undefined)) this.persist();
    }, 50).unref();
  }

  /** Drain (the data plane waits for in-flight requests), then stop. */
  async retire(inst: Instance, drainMs: number): Promise<void> {
    if (inst.info.state !== "stopped") inst.info.state = "draining";
    inst.onFailure = undefined;
    if (drainMs > 0) await this.ctx.drain.waitIdle(inst.id, drainMs).catch(() => undefined);
    await inst.stop();
    this.instances = this.instances.filter((i) => i !== inst);
    this.persist();
  }

  async stopAll(drainMs: number): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await Promise.all([...this.instances].map((inst) => this.retire(inst, drainMs)));
  }

  private noteFailure(): void {
    const now = Date.now();
    this.failures = now - this.lastFailureAt < REPEAT_WINDOW_MS ? this.failures + 1 : 1;
    this.lastFailureAt = now;
  }

  private instanceFailed(inst: Instance, reason: string): void {
    this.log.event(`[AppRunner] ${reason}. Replacing the instance.`);
    this.noteFailure();
    inst.onFailure = undefined;
    this.instances = this.instances.filter((i) => i !== inst);
    void inst.stop().then(() => this.persist());
    this.reconcile();
  }

  /** Brings the number of starting+healthy instances of the current release to the desired count. */
  reconcile(): void {
    const release = this.record.release;
    if (this.paused || this.deploying || this.removed || !release || this.ctx.shuttingDown() || this.retryTimer) return;
    const live = this.instances.filter((i) => i.info.state === "starting" || i.info.state === "healthy");
    const want = this.clamp(this.desired);
    if (live.length < want) {
      // Repeated failures back off (1 s, 2 s, 4 s ... 30 s) instead of restarting in a tight loop.
      const delay = this.failures <= 1 ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 2));
      if (delay > 0 && Date.now() - this.lastFailureAt < delay) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.reconcile();
        }, delay - (Date.now() - this.lastFailureAt));
        this.retryTimer.unref();
        return;
      }
      for (let i = live.length; i < want; i++) void this.startReplacement(release);
    } else if (live.length > want) {
      const order = [...live].sort((a, b) => rank(a) - rank(b) || b.info.startedAt - a.info.startedAt);
      for (const inst of order.slice(0, live.length - want)) void this.retire(inst, this.ctx.drainTimeoutMs);
    }
  }

  private async startReplacement(release: Release): Promise<void> {
    const created: Instance[] = [];
    try {
      const inst = await this.launch(release, created);
      const current = this.record.release;
      if (inst.info.state !== "starting" || this.paused || this.removed || current?.deploymentId !== release.deploymentId) {
        await this.retire(inst, 0);
        return;
      }
      this.serve(inst);
      this.persist();
    } catch (err) {
      this.instances = this.instances.filter((i) => !created.includes(i));
      await Promise.all(created.map((i) => i.stop()));
      this.persist();
      if (this.paused || this.removed || this.ctx.shuttingDown()) return;
      this.log.event(`[AppRunner] A replacement instance failed to start: ${(err as Error).message}`);
      this.noteFailure();
      this.reconcile();
    }
  }
}

/** Scale-in order: instances still starting go first, then the newest healthy ones. */
function rank(inst: Instance): number {
  return inst.info.state === "starting" ? 0 : 1;
}
