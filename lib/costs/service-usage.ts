// "What does this service cost?": its size, MinSize and auto-deploy from App Runner, its active
// instances from CloudWatch, priced with the region's table.
import "server-only";
import { DescribeAutoScalingConfigurationCommand, type AppRunnerClient, type Service } from "@aws-sdk/client-apprunner";
import { cloudWatchClient, getAwsContext } from "@/lib/aws/clients";
import { getPriceTable, type StoredPriceTable } from "@/lib/costs/price-tables";
import { readActiveInstances, usageWindow } from "@/lib/costs/read-active-instances";
import { sizeFromAppRunner, type InstanceSize } from "@/lib/pricing/instance-sizes";
import { estimateUsage, type UsageEstimate } from "@/lib/pricing/usage-estimate";

export interface ServiceUsage {
  service: { name: string; id: string; arn: string; region: string };
  size: InstanceSize;
  minSize: number;
  autoDeploy: boolean;
  days: number;
  start: number;
  table: StoredPriceTable;
  estimate: UsageEstimate;
  /** ms spent reading CloudWatch and App Runner, shown so slowness has a visible cause */
  readMs: number;
}

/** App Runner's default auto scaling configuration keeps 1 instance provisioned. */
export const DEFAULT_MIN_SIZE = 1;

/** MinSize of one auto scaling configuration. */
export async function readMinSize(client: AppRunnerClient, arn: string): Promise<number> {
  const out = await client.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: arn }));
  return out.AutoScalingConfiguration?.MinSize ?? DEFAULT_MIN_SIZE;
}

async function minSizeOf(client: AppRunnerClient, s: Service): Promise<number> {
  const arn = s.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn;
  return arn ? readMinSize(client, arn) : DEFAULT_MIN_SIZE;
}

/** `connectionId`: the connection `client` belongs to (default: the selected one). */
export async function serviceUsage(client: AppRunnerClient, s: Service, region: string, days: number, connectionId?: string): Promise<ServiceUsage> {
  const t0 = performance.now();
  const cloudWatchConnection = connectionId ?? (await getAwsContext()).connection.id;
  const size = sizeFromAppRunner(s.InstanceConfiguration?.Cpu, s.InstanceConfiguration?.Memory) ?? { vcpu: 1, memoryGb: 2 };
  const service = { name: s.ServiceName ?? "", id: s.ServiceId ?? "", arn: s.ServiceArn ?? "", region };
  const window = usageWindow(days);
  const [minSize, points, table] = await Promise.all([
    minSizeOf(client, s),
    readActiveInstances(await cloudWatchClient(cloudWatchConnection, region), service, window),
    getPriceTable(region),
  ]);
  const readMs = performance.now() - t0;
  const autoDeploy = s.SourceConfiguration?.AutoDeploymentsEnabled ?? false;
  const estimate = estimateUsage({ size, minSize, autoDeploy, start: window.start, hours: window.hours, points, createdAt: s.CreatedAt?.getTime() }, table.prices);
  return { service, size, minSize, autoDeploy, days, start: window.start, table, estimate, readMs };
}
