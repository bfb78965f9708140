import type { Engine } from "../contracts.js";
import { isProvisioned, type ServiceState } from "./service-state.js";

interface ScaleMemory {
  /** [time, desired] samples over the cool-down window. */
  history: [number, number][];
  lastTarget: number | undefined;
  lastChange: number;
  lastSent: number;
}

const RESEND_MS = 2000;

/**
 * App Runner's scaling rule: desired = ceil((in-flight + queued) / MaxConcurrency), clamped to
 * MinSize..MaxSize. Scale out at once; scale in only to the peak desired count of the last cool-down
 * window, and no sooner than one cool-down after the previous change (the engine drains before stopping).
 */
export class Autoscaler {
  private readonly memory = new Map<string, ScaleMemory>();

  constructor(
    private readonly engine: Engine,
    private readonly cooldownMs: number,
    private readonly onScale?: (s: ServiceState, from: number, to: number) => void,
  ) {}

  /** Periodic evaluation (every tick): scale out or, after the cool-down, in. */
  evaluate(s: ServiceState, now = Date.now()): void {
    const { route } = s;
    if (route.status !== "RUNNING") return;
    const desired = this.desired(s);
    const m = this.memoryOf(route.serviceId, now);
    m.history.push([now, desired]);
    while (m.history.length && (m.history[0] as [number, number])[0] < now - this.cooldownMs) m.history.shift();
    const provisioned = this.engine.instances(route.serviceId).filter(isProvisioned).length;
    if (desired > provisioned) {
      // Re-send after a while too: the engine may have restarted the service at MinSize since our last call.
      if (desired !== m.lastTarget || now - m.lastSent > RESEND_MS) this.send(s, m, provisioned, desired, now);
      return;
    }
    let peak = 0;
    for (const [, d] of m.history) peak = Math.max(peak, d);
    if (peak < provisioned && now - m.lastChange >= this.cooldownMs) this.send(s, m, provisioned, peak, now);
  }

  /** Called when a request had to queue: scale out at once instead of at the next tick (cheap when nothing changes). */
  nudge(s: ServiceState, now = Date.now()): void {
    if (s.route.status !== "RUNNING") return;
    const desired = this.desired(s);
    const m = this.memoryOf(s.route.serviceId, now);
    if (m.lastTarget !== undefined && desired <= m.lastTarget) return;
    const provisioned = this.engine.instances(s.route.serviceId).filter(isProvisioned).length;
    if (desired > provisioned) this.send(s, m, provisioned, desired, now);
  }

  private desired(s: ServiceState): number {
    const { minSize, maxSize, maxConcurrency } = s.route.scaling;
    const demand = s.inflight + s.queue.length;
    return Math.min(Math.max(Math.ceil(demand / Math.max(1, maxConcurrency)), minSize, 1), Math.max(maxSize, 1));
  }

  private memoryOf(serviceId: string, now: number): ScaleMemory {
    let m = this.memory.get(serviceId);
    if (!m) {
      m = { history: [], lastTarget: undefined, lastChange: now, lastSent: 0 };
      this.memory.set(serviceId, m);
    }
    return m;
  }

  forget(serviceId: string): void {
    this.memory.delete(serviceId);
  }

  private send(s: ServiceState, m: ScaleMemory, from: number, to: number, now: number): void {
    const changed = to !== m.lastTarget;
    m.lastTarget = to;
    m.lastSent = now;
    this.engine.scaleTo(s.route.serviceId, to);
    if (changed) {
      m.lastChange = now;
      this.onScale?.(s, from, to);
    }
  }
}
