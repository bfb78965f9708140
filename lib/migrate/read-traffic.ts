// Hourly Requests (Sum) and Concurrency (Average) for one service, through CloudWatch
// GetMetricData: what the suggested request-count target is worked out from.
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { UsageWindow } from "@/lib/costs/read-active-instances";
import { getMetricData } from "@/lib/metrics/get-metric-data";
import { serviceQuery } from "@/lib/metrics/service-charts";
import type { TrafficHour } from "./scaling-target";

const HOUR = 3_600_000;

export async function readTraffic(cw: CloudWatchClient, service: { name: string; id: string }, w: UsageWindow): Promise<TrafficHour[]> {
  const queries = [serviceQuery("req", "Requests", "Sum", service, 3600), serviceQuery("conc", "Concurrency", "Average", service, 3600)];
  const data = await getMetricData(cw, queries, w.start, w.start + w.hours * HOUR);
  const byHour = (id: string) => new Map((data.series.get(id) ?? []).map(([t, v]) => [Math.floor(t / HOUR) * HOUR, v] as const));
  const req = byHour("req");
  const conc = byHour("conc");
  const hours = [...new Set([...req.keys(), ...conc.keys()])].sort((a, b) => a - b);
  return hours.map((t) => ({ requests: req.get(t) ?? 0, concurrency: conc.get(t) ?? 0 }));
}
