// 7-day CPU and memory utilization of one service, for the instance-size readiness check:
// hourly averages from CloudWatch (AWS/AppRunner, ServiceName + ServiceID), reduced to their p95
// here. Hourly averages rather than CloudWatch's own p95 statistic so the check works the same
// for every metric source (App Runner publishes these as plain averages).
import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { percentile95 } from "./service-facts";

export const UTILIZATION_WINDOW_MS = 7 * 24 * 3600_000;

export async function readUtilizationP95(client: CloudWatchClient, serviceName: string, serviceId: string, now = new Date()): Promise<{ cpuP95: number | null; memoryP95: number | null }> {
  const query = (id: string, metric: string): MetricDataQuery => ({
    Id: id,
    MetricStat: {
      Metric: { Namespace: "AWS/AppRunner", MetricName: metric, Dimensions: [{ Name: "ServiceName", Value: serviceName }, { Name: "ServiceID", Value: serviceId }] },
      Period: 3600,
      Stat: "Average",
    },
    ReturnData: true,
  });
  const values: Record<string, number[]> = { cpu: [], mem: [] };
  let nextToken: string | undefined;
  do {
    const out = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: [query("cpu", "CPUUtilization"), query("mem", "MemoryUtilization")],
        StartTime: new Date(now.getTime() - UTILIZATION_WINDOW_MS),
        EndTime: now,
        NextToken: nextToken,
      }),
    );
    for (const r of out.MetricDataResults ?? []) if (r.Id && values[r.Id]) values[r.Id]!.push(...(r.Values ?? []));
    nextToken = out.NextToken;
  } while (nextToken);
  return { cpuP95: percentile95(values.cpu ?? []), memoryP95: percentile95(values.mem ?? []) };
}
