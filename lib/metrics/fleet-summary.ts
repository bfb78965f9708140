// The dashboard's fleet figures from per-service series: totals, 5xx rate, and the top services.
// Pure, so the arithmetic is unit-tested.

export interface FleetServiceSeries {
  id: string;
  name: string;
  region: string;
  /** one value per period from `start`; null where CloudWatch had no point */
  requests: (number | null)[];
  active: (number | null)[];
  errors5xx: number;
  totalRequests: number;
}

export interface FleetTotals {
  requests: number;
  errors5xx: number;
  /** 5xx / requests, 0..1; null without requests */
  errorRate: number | null;
  /** the latest ActiveInstances of each service, summed */
  activeInstances: number;
  topByRequests: { id: string; name: string; region: string; value: number }[];
  topByErrorRate: { id: string; name: string; region: string; value: number; requests: number }[];
}

const lastValue = (xs: (number | null)[]): number => {
  for (let i = xs.length - 1; i >= 0; i--) {
    const v = xs[i];
    if (v !== null && v !== undefined) return v;
  }
  return 0;
};

export function fleetTotals(services: readonly FleetServiceSeries[], top = 5): FleetTotals {
  let requests = 0;
  let errors5xx = 0;
  let activeInstances = 0;
  for (const s of services) {
    requests += s.totalRequests;
    errors5xx += s.errors5xx;
    activeInstances += lastValue(s.active);
  }
  const ref = (s: FleetServiceSeries) => ({ id: s.id, name: s.name, region: s.region });
  const topByRequests = services
    .filter((s) => s.totalRequests > 0)
    .map((s) => ({ ...ref(s), value: s.totalRequests }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    .slice(0, top);
  const topByErrorRate = services
    .filter((s) => s.totalRequests > 0 && s.errors5xx > 0)
    .map((s) => ({ ...ref(s), value: s.errors5xx / s.totalRequests, requests: s.totalRequests }))
    .sort((a, b) => b.value - a.value || b.requests - a.requests || a.name.localeCompare(b.name))
    .slice(0, top);
  return { requests, errors5xx, errorRate: requests > 0 ? errors5xx / requests : null, activeInstances, topByRequests, topByErrorRate };
}

/** Points of a series on the fixed grid start, start+period, ... (count slots). */
export function onGrid(points: readonly [number, number][] | undefined, start: number, periodMs: number, count: number): (number | null)[] {
  const out: (number | null)[] = Array.from({ length: count }, () => null);
  for (const [t, v] of points ?? []) {
    const i = Math.floor((t - start) / periodMs);
    if (i >= 0 && i < count) out[i] = v;
  }
  return out;
}
