// The dashboard's fleet view: every service of a region, last hour, in as few GetMetricData
// calls as the 500-queries-per-call limit allows (3 queries a service: 500 services -> 3 calls).
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { getMetricData } from "./get-metric-data";
import { fleetTotals, onGrid, type FleetServiceSeries, type FleetTotals } from "./fleet-summary";
import { serviceQuery, type MetricQuery } from "./service-charts";

export const FLEET_WINDOW_MS = 3_600_000;
/** 2-minute points: 30 per sparkline keep 500 services' answer small and still show the shape. */
export const FLEET_PERIOD_S = 120;

export interface FleetMetrics {
  start: number;
  end: number;
  period: number;
  services: FleetServiceSeries[];
  totals: FleetTotals;
  calls: number;
}

export async function loadFleetMetrics(client: CloudWatchClient, services: readonly { id: string; name: string; region: string }[], now = Date.now()): Promise<FleetMetrics> {
  const step = FLEET_PERIOD_S * 1000;
  const end = Math.ceil(now / step) * step;
  const start = end - FLEET_WINDOW_MS;
  const queries: MetricQuery[] = [];
  services.forEach((s, i) => {
    queries.push(serviceQuery(`r${i}`, "Requests", "Sum", s, FLEET_PERIOD_S));
    queries.push(serviceQuery(`a${i}`, "ActiveInstances", "Maximum", s, FLEET_PERIOD_S));
    queries.push(serviceQuery(`e${i}`, "5xxStatusResponses", "Sum", s, FLEET_PERIOD_S));
  });
  const data = queries.length ? await getMetricData(client, queries, start, end) : { series: new Map<string, [number, number][]>(), calls: 0 };
  const slots = FLEET_WINDOW_MS / step;
  const sum = (pts: [number, number][] | undefined) => (pts ?? []).reduce((a, [, v]) => a + v, 0);
  const rows: FleetServiceSeries[] = services.map((s, i) => {
    const requests = data.series.get(`r${i}`);
    return {
      id: s.id,
      name: s.name,
      region: s.region,
      requests: onGrid(requests, start, step, slots),
      active: onGrid(data.series.get(`a${i}`), start, step, slots),
      totalRequests: sum(requests),
      errors5xx: sum(data.series.get(`e${i}`)),
    };
  });
  return { start, end, period: FLEET_PERIOD_S, services: rows, totals: fleetTotals(rows), calls: data.calls };
}
