// Hourly ActiveInstances (Average, Maximum) and Requests (Sum) for one service over N days,
// through CloudWatch GetMetricData (getMetricData pages with NextToken: 30 days is 720 points a query).
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { getMetricData } from "@/lib/metrics/get-metric-data";
import { serviceQuery, type MetricQuery } from "@/lib/metrics/service-charts";
import type { HourPoint } from "@/lib/pricing/usage-estimate";

const HOUR = 3_600_000;

export interface UsageWindow {
  /** epoch ms, on the hour */
  start: number;
  hours: number;
}

/** The last `days` whole days up to the current hour (the hour in progress is not complete). */
export function usageWindow(days: number, now = Date.now()): UsageWindow {
  const end = Math.floor(now / HOUR) * HOUR + HOUR;
  const hours = days * 24;
  return { start: end - hours * HOUR, hours };
}

/** The three hourly queries of one service's usage; `suffix` keeps ids apart when many services share a call. */
export function usageQueries(service: { name: string; id: string }, suffix = ""): MetricQuery[] {
  return [
    serviceQuery(`avg${suffix}`, "ActiveInstances", "Average", service, 3600),
    serviceQuery(`max${suffix}`, "ActiveInstances", "Maximum", service, 3600),
    serviceQuery(`req${suffix}`, "Requests", "Sum", service, 3600),
  ];
}

/** Hour points from usageQueries' answers (an hour any of them has), oldest first. */
export function usageHourPoints(series: ReadonlyMap<string, [number, number][]>, suffix = ""): HourPoint[] {
  const hours = new Map<number, HourPoint>();
  const at = (t: number) => {
    const hour = Math.floor(t / HOUR) * HOUR;
    let p = hours.get(hour);
    if (!p) hours.set(hour, (p = { t: hour, avgActive: 0, maxActive: Number.NaN, requests: 0 }));
    return p;
  };
  for (const [t, v] of series.get(`avg${suffix}`) ?? []) at(t).avgActive = v;
  for (const [t, v] of series.get(`max${suffix}`) ?? []) at(t).maxActive = v;
  for (const [t, v] of series.get(`req${suffix}`) ?? []) at(t).requests = v;
  // No Maximum for an hour: fall back to its Average (or 0).
  for (const p of hours.values()) if (Number.isNaN(p.maxActive)) p.maxActive = p.avgActive;
  return [...hours.values()].sort((a, b) => a.t - b.t);
}

export async function readActiveInstances(cw: CloudWatchClient, service: { name: string; id: string }, w: UsageWindow): Promise<HourPoint[]> {
  const data = await getMetricData(cw, usageQueries(service), w.start, w.start + w.hours * HOUR);
  return usageHourPoints(data.series);
}
