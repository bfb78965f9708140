// Hourly ActiveInstances (Average, Maximum) and Requests (Sum) for one service over N days,
// through CloudWatch GetMetricData. Paged with NextToken: 30 days is 720 points per query.
import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
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

export async function readActiveInstances(cw: CloudWatchClient, service: { name: string; id: string }, w: UsageWindow): Promise<HourPoint[]> {
  const Dimensions = [
    { Name: "ServiceName", Value: service.name },
    { Name: "ServiceID", Value: service.id },
  ];
  const q = (Id: string, MetricName: string, Stat: string): MetricDataQuery => ({ Id, MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName, Dimensions }, Period: 3600, Stat }, ReturnData: true });
  const queries = [q("avg", "ActiveInstances", "Average"), q("max", "ActiveInstances", "Maximum"), q("req", "Requests", "Sum")];
  const series = new Map<string, Map<number, number>>(queries.map((x) => [x.Id!, new Map()]));
  let NextToken: string | undefined;
  do {
    const out = await cw.send(new GetMetricDataCommand({ StartTime: new Date(w.start), EndTime: new Date(w.start + w.hours * HOUR), MetricDataQueries: queries, ScanBy: "TimestampAscending", NextToken }));
    for (const r of out.MetricDataResults ?? []) {
      const m = series.get(r.Id ?? "");
      r.Timestamps?.forEach((t, i) => m?.set(Math.floor(new Date(t).getTime() / HOUR) * HOUR, r.Values?.[i] ?? 0));
    }
    NextToken = out.NextToken;
  } while (NextToken);
  const avg = series.get("avg")!;
  const max = series.get("max")!;
  const req = series.get("req")!;
  const hours = new Set([...avg.keys(), ...max.keys(), ...req.keys()]);
  return [...hours].sort((a, b) => a - b).map((t) => ({ t, avgActive: avg.get(t) ?? 0, maxActive: max.get(t) ?? avg.get(t) ?? 0, requests: req.get(t) ?? 0 }));
}
