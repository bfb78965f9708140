import type { DrainHook, Engine, InstanceInfo, Route } from "../contracts.js";
import type { ServiceState, Waiter } from "./service-state.js";

/** Why a request could not get an instance; the data plane turns it into a response. */
export class NoCapacityError extends Error {
  constructor(
    readonly status: 503 | 429,
    message: string,
  ) {
    super(message);
  }
}

export interface BalancerOptions {
  queueTimeoutMs: number;
  queueLimit: number;
  /** Called when a request had to queue, so scale-out does not wait for the next tick. */
  onQueued?: (state: ServiceState) => void;
}

const POLL_MS = 25;
/** An instance whose connection was refused is skipped for this long (the engine notices the crash later). */
const SUSPECT_MS = 2000;

/**
 * Least-outstanding-requests balancing with App Runner's MaxConcurrency per instance; requests beyond
 * capacity wait in a bounded FIFO queue per service. Also the engine's drain hook.
 */
export class Balancer implements DrainHook {
  readonly services = new Map<string, ServiceState>();
  private readonly outstanding = new Map<string, number>();
  private readonly idleWaiters = new Map<string, (() => void)[]>();
  private readonly suspects = new Map<string, number>();
  private poller: NodeJS.Timeout | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly opts: BalancerOptions,
  ) {}

  state(route: Route, host: string): ServiceState {
    let s = this.services.get(route.serviceId);
    if (!s) {
      s = { route, host, queue: [], inflight: 0, lastActive: new Map(), tally: undefined };
      this.services.set(route.serviceId, s);
    }
    s.route = route;
    return s;
  }

  outstandingOf(instanceId: string): number {
    return this.outstanding.get(instanceId) ?? 0;
  }

  /** Resolves with an instance slot (call release when done), or rejects with NoCapacityError. */
  acquire(s: ServiceState, exclude?: string): Promise<InstanceInfo> | InstanceInfo {
    const { route } = s;
    if (!s.queue.length) {
      const picked = this.tryPick(s, exclude);
      if (picked) return picked;
    }
    if (!this.hasLiveInstances(route.serviceId)) {
      throw new NoCapacityError(503, `Service ${route.serviceName} has no healthy instance to serve this request.`);
    }
    if (s.queue.length >= this.opts.queueLimit) {
      throw new NoCapacityError(429, `Service ${route.serviceName} is at capacity: ${s.queue.length} requests are already waiting.`);
    }
    return new Promise<InstanceInfo>((resolve, reject) => {
      s.queue.push({ resolve, reject, enqueuedAt: Date.now() });
      this.opts.onQueued?.(s);
      this.poller ??= setInterval(() => this.pumpAll(), POLL_MS);
    });
  }

  release(serviceId: string, instanceId: string): void {
    const n = (this.outstanding.get(instanceId) ?? 1) - 1;
    const s = this.services.get(serviceId);
    if (s) {
      s.inflight = Math.max(0, s.inflight - 1);
      s.lastActive.set(instanceId, Date.now());
    }
    if (n > 0) this.outstanding.set(instanceId, n);
    else {
      this.outstanding.delete(instanceId);
      const waiters = this.idleWaiters.get(instanceId);
      if (waiters) {
        this.idleWaiters.delete(instanceId);
        for (const w of waiters) w();
      }
    }
    if (s?.queue.length) this.pump(s);
  }

  /** The instance refused a connection: keep new requests away from it until the engine catches up. */
  markSuspect(instanceId: string): void {
    this.suspects.set(instanceId, Date.now() + SUSPECT_MS);
  }

  waitIdle(instanceId: string, timeoutMs: number): Promise<void> {
    if (!this.outstanding.get(instanceId)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      const list = this.idleWaiters.get(instanceId) ?? [];
      list.push(done);
      this.idleWaiters.set(instanceId, list);
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  /** Rejects everything still queued (shutdown). */
  close(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
    for (const s of this.services.values()) {
      for (const w of s.queue.splice(0)) w.reject(new NoCapacityError(503, "The data plane is shutting down."));
    }
  }

  private tryPick(s: ServiceState, exclude?: string): InstanceInfo | undefined {
    const now = Date.now();
    let best: InstanceInfo | undefined;
    let bestLoad = Infinity;
    for (const inst of this.engine.instances(s.route.serviceId)) {
      if (inst.state !== "healthy" || inst.instanceId === exclude) continue;
      const suspectUntil = this.suspects.get(inst.instanceId);
      if (suspectUntil !== undefined) {
        if (suspectUntil > now) continue;
        this.suspects.delete(inst.instanceId);
      }
      const load = this.outstanding.get(inst.instanceId) ?? 0;
      if (load < bestLoad) {
        best = inst;
        bestLoad = load;
      }
    }
    if (!best || bestLoad >= Math.max(1, s.route.scaling.maxConcurrency)) return undefined;
    this.outstanding.set(best.instanceId, bestLoad + 1);
    s.inflight++;
    s.lastActive.set(best.instanceId, now);
    return best;
  }

  private hasLiveInstances(serviceId: string): boolean {
    return this.engine.instances(serviceId).some((i) => i.state === "healthy" || i.state === "starting");
  }

  private pump(s: ServiceState): void {
    while (s.queue.length) {
      const picked = this.tryPick(s);
      if (!picked) break;
      (s.queue.shift() as Waiter).resolve(picked);
    }
  }

  private pumpAll(): void {
    const now = Date.now();
    let waiting = 0;
    for (const s of this.services.values()) {
      if (!s.queue.length) continue;
      this.pump(s);
      // Requests that waited too long, or whose service lost every instance, fail instead of hanging.
      const live = s.queue.length ? this.hasLiveInstances(s.route.serviceId) : true;
      while (s.queue.length) {
        const head = s.queue[0] as Waiter;
        if (live && now - head.enqueuedAt < this.opts.queueTimeoutMs) break;
        s.queue.shift();
        head.reject(
          live
            ? new NoCapacityError(429, `Service ${s.route.serviceName} had no free instance for ${Math.round(this.opts.queueTimeoutMs / 1000)} s.`)
            : new NoCapacityError(503, `Service ${s.route.serviceName} has no healthy instance to serve this request.`),
        );
      }
      waiting += s.queue.length;
    }
    if (!waiting && this.poller) {
      clearInterval(this.poller);
      this.poller = undefined;
    }
  }
}
