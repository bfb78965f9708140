// Every service's projected month from real usage for one connection and region, batched: one
// DescribeService a service (size, MinSize, auto-deploy), each auto scaling configuration read
// once, and the hourly ActiveInstances/Requests of all services in as few GetMetricData calls as
// the 500-query limit allows (3 queries a service). The dashboard's cost column and /costs use it.
import "server-only";
import type { AppRunnerClient, Service } from "@aws-sdk/client-apprunner";
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { usageHourPoints, usageQueries, usageWindow } from "@/lib/costs/read-active-instances";
import { DEFAULT_MIN_SIZE, readMinSize } from "@/lib/costs/service-usage";
import { getMetricData } from "@/lib/metrics/get-metric-data";
import { sizeFromAppRunner } from "@/lib/pricing/instance-sizes";
import type { PriceFigures } from "@/lib/pricing/price-table";
import { estimateUsage } from "@/lib/pricing/usage-estimate";
import { describeAwsError } from "@/lib/services/aws-error";
import { describeServices } from "@/lib/services/describe-service";

export interface FleetCostRow {
  name: string;
  id: string;
  region: string;
  status: string;
  projectedMonth: number | null;
  activeInstanceHours: number | null;
  error?: string;
}

export async function fleetUsage(
  apprunner: AppRunnerClient,
  cloudwatch: CloudWatchClient,
  region: string,
  services: readonly { arn: string; id: string; name: string; status: string }[],
  prices: PriceFigures,
  days: number,
  now = Date.now(),
): Promise<FleetCostRow[]> {
  const described = await describeServices(apprunner, services.map((s) => s.arn));
  const minSizes = await readMinSizes(apprunner, [...described.values()]);
  const window = usageWindow(days, now);
  const queries = services.flatMap((s, i) => usageQueries(s, String(i)));
  const data = queries.length ? await getMetricData(cloudwatch, queries, window.start, window.start + window.hours * 3_600_000) : { series: new Map<string, [number, number][]>() };
  return services.map((s, i) => {
    const base = { name: s.name, id: s.id, region, status: s.status };
    const d = described.get(s.arn);
    if (!d) return { ...base, projectedMonth: null, activeInstanceHours: null, error: "DescribeService failed" };
    const minSize = minSizes.get(d.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn ?? "");
    if (minSize instanceof Error) return { ...base, projectedMonth: null, activeInstanceHours: null, error: minSize.message };
    const size = sizeFromAppRunner(d.InstanceConfiguration?.Cpu, d.InstanceConfiguration?.Memory) ?? { vcpu: 1, memoryGb: 2 };
    const points = usageHourPoints(data.series, String(i));
    const autoDeploy = d.SourceConfiguration?.AutoDeploymentsEnabled ?? false;
    const estimate = estimateUsage({ size, minSize: minSize ?? DEFAULT_MIN_SIZE, autoDeploy, start: window.start, hours: window.hours, points, createdAt: d.CreatedAt?.getTime() }, prices);
    return { ...base, projectedMonth: estimate.projectedMonth.total, activeInstanceHours: estimate.activeInstanceHours };
  });
}

/** MinSize per auto scaling configuration ARN, each read once (most services share a few). */
async function readMinSizes(client: AppRunnerClient, services: Service[]): Promise<Map<string, number | Error>> {
  const arns = [...new Set(services.map((s) => s.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn).filter((a): a is string => !!a))];
  const out = new Map<string, number | Error>();
  await Promise.all(
    arns.map(async (arn) => {
      try {
        out.set(arn, await readMinSize(client, arn));
      } catch (err) {
        out.set(arn, new Error(describeAwsError(err).message));
      }
    }),
  );
  return out;
}
