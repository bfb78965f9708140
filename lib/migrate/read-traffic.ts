// Hourly Requests (Sum) and Concurrency (Average) for one service, through CloudWatch
// GetMetricData: what the suggested request-count target is worked out from.
import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import type { UsageWindow } from "@/lib/costs/read-active-instances";
import type { TrafficHour } from "./scaling-target";

const HOUR = 3_600_000;

export async function readTraffic(cw: CloudWatchClient, service: { name: string; id: string }, w: UsageWindow): Promise<TrafficHour[]> {
  const Dimensions = [
    { Name: "ServiceName", Value: service.name },
    { Name: "ServiceID", Value: service.id },
  ];
  const q = (Id: string, MetricName: string, Stat: string): MetricDataQuery => ({ Id, MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName, Dimensions }, Period: 3600, Stat }, ReturnData: true });
  const series = { req: new Map<number, number>(), conc: new Map<number, number>() };
  let NextToken: string | undefined;
  do {
    const out = await cw.send(
      new GetMetricDataCommand({ StartTime: new Date(w.start), EndTime: new Date(w.start + w.hours * HOUR), MetricDataQueries: [q("req", "Requests", "Sum"), q("conc", "Concurrency", "Average")], ScanBy: "TimestampAscending", NextToken }),
    );
    for (const r of out.MetricDataResults ?? []) {
      const m = r.Id === "req" ? series.req : r.Id === "conc" ? series.conc : undefined;
      r.Timestamps?.forEach((t, i) => m?.set(Math.floor(new Date(t).getTime() / HOUR) * HOUR, r.Values?.[i] ?? 0));
    }
    NextToken = out.NextToken;
  } while (NextToken);
  const hours = [...new Set([...series.req.keys(), ...series.conc.keys()])].sort((a, b) => a - b);
  return hours.map((t) => ({ requests: series.req.get(t) ?? 0, concurrency: series.conc.get(t) ?? 0 }));
}
