import type { Engine, InstanceInfo } from "../contracts.js";
import type { ServiceState } from "./balancer.js";

interface ScaleMemory {
  /** [time, desired] samples over the cool-down window. */
  history: [number, number][];
  lastTarget: number | undefined;
  lastChange: number;
  lastSent: number;
}

const RESEND_MS = 2000;

export const isProvisioned = (i: InstanceInfo) => i.state === "starting" || i.state === "healthy" || i.state === "unhealthy";

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

  evaluate(s: ServiceState, now = Date.now()): void {
    const { route } = s;
    if (route.status !== "RUNNING") return;
    const { minSize, maxSize, maxConcurrency } = route.scaling;
    const demand = s.inflight + s.queue.length;
    const desired = Math.min(Math.max(Math.ceil(demand / Math.max(1, maxConcurrency)), minSize, 1), Math.max(maxSize, 1));
    let m = this.memory.get(route.serviceId);
    if (!m) {
      m = { history: [], lastTarget: undefined, lastChange: now, lastSent: 0 };
      this.memory.set(route.serviceId, m);
    }
    m.history.push([now, desired]);
    while (m.history.length && (m.history[0] as [number, number])[0] < now - this.cooldownMs) m.history.shift();
    const provisioned = this.engine.instances(route.serviceId).filter(isProvisioned).length;
    if (desired > provisioned) {
      // Re-send after a while too: the engine may have restarted the service at MinSize since our last call.
      if (desired !== m.lastTarget || now - m.lastSent > RESEND_MS) this.send(s, m, provisioned, desired, now);
      return;
    }
    const peak = Math.max(...m.history.map(([, d]) => d));
    if (peak < provisioned && now - m.lastChange >= this.cooldownMs) this.send(s, m, provisioned, peak, now);
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
