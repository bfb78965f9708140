// Reads everything one plan needs (DescribeService, auto scaling, tags, custom domains, the VPC
// connector, 30 days of CloudWatch) and builds the plan and its costs. Every read but the VPC
// connector must succeed: a plan from half a service would be wrong, so a failure throws and
// nothing is generated.
import "server-only";
import { DescribeVpcConnectorCommand, type AppRunnerClient, type Service } from "@aws-sdk/client-apprunner";
import { cloudWatchClient } from "@/lib/aws/clients";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { usageWindow } from "@/lib/costs/read-active-instances";
import { serviceUsage, type ServiceUsage } from "@/lib/costs/service-usage";
import { describeAutoScaling } from "@/lib/autoscaling/describe-auto-scaling";
import { listCustomDomains } from "@/lib/services/custom-domains";
import { describeService } from "@/lib/services/describe-service";
import { listTags } from "@/lib/services/list-tags";
import { servicesTarget } from "@/lib/services/services-client";
import { buildPlan, type MigrationPlan } from "./build-plan";
import { compareMigrationCost, type MigrationCost } from "./migration-cost";
import type { PlanInput } from "./plan-input";
import { readTraffic } from "./read-traffic";

export const PLAN_DAYS = 30;

export interface LoadedPlan {
  plan: MigrationPlan;
  cost: MigrationCost;
  usage: ServiceUsage;
  connection: ConnectionView;
  /** the price table's date and source, shown beside the figures */
  prices: { region: string; checkedAt: string; source: string; notes?: string };
  configurationSource?: string;
}

async function vpcConnectorOf(client: AppRunnerClient, s: Service): Promise<PlanInput["vpcConnector"]> {
  const arn = s.NetworkConfiguration?.EgressConfiguration?.EgressType === "VPC" ? s.NetworkConfiguration.EgressConfiguration.VpcConnectorArn : undefined;
  if (!arn) return undefined;
  try {
    const out = await client.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: arn }));
    const c = out.VpcConnector;
    return c ? { subnets: c.Subnets ?? [], securityGroups: c.SecurityGroups ?? [] } : null;
  } catch {
    // The plan still works with placeholders, and says what to fill in.
    return null;
  }
}

/** Throws (AWS error) when any part of the service cannot be read; null when it does not exist. */
export async function loadPlan(region: string, id: string, apprunnerYaml?: string): Promise<LoadedPlan | null> {
  const { client, connection } = await servicesTarget(region);
  const s = await describeService(client, region, id);
  if (!s || s.Status === "DELETED") return null;
  const arn = s.ServiceArn ?? "";
  const scalingArn = s.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn;
  const service = { name: s.ServiceName ?? "", id: s.ServiceId ?? "" };
  const [scaling, tags, domains, vpcConnector, traffic, usage] = await Promise.all([
    scalingArn ? describeAutoScaling(client, scalingArn) : undefined,
    listTags(client, arn),
    listCustomDomains(client, arn),
    vpcConnectorOf(client, s),
    (async () => readTraffic(await cloudWatchClient(connection.id, region), service, usageWindow(PLAN_DAYS)))(),
    serviceUsage(client, s, region, PLAN_DAYS, connection.id),
  ]);
  const plan = buildPlan({
    service: s,
    ...(scaling ? { scaling: { minSize: scaling.minSize, maxSize: scaling.maxSize, maxConcurrency: scaling.maxConcurrency } } : {}),
    tags,
    customDomains: domains.domains.map((d) => d.domainName),
    vpcConnector,
    ...(apprunnerYaml ? { apprunnerYaml } : {}),
    traffic,
  });
  const cost = compareMigrationCost(usage.estimate, plan.size.to, usage.table.prices);
  const t = usage.table;
  return {
    plan,
    cost,
    usage,
    connection,
    prices: { region: t.region, checkedAt: t.checkedAt, source: t.source, ...(t.notes ? { notes: t.notes } : {}) },
    configurationSource: s.SourceConfiguration?.CodeRepository?.CodeConfiguration?.ConfigurationSource,
  };
}
