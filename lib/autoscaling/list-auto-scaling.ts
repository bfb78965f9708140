// The /autoscaling page: every active revision of the region's configurations with its limits
// (DescribeAutoScalingConfiguration) and the services using it (ListServicesForAutoScalingConfiguration).
import "server-only";
import { ListAutoScalingConfigurationsCommand, ListServicesForAutoScalingConfigurationCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";
import { mapLimit } from "@/lib/services/map-limit";
import { toAutoScalingView, type AutoScalingView } from "./auto-scaling-view";
import { describeAutoScaling } from "./describe-auto-scaling";

export interface ServiceRef {
  arn: string;
  name: string;
  id: string;
  region: string;
}

export interface AutoScalingRevisionRow extends AutoScalingView {
  services: ServiceRef[];
}

export interface AutoScalingGroup {
  name: string;
  revisions: AutoScalingRevisionRow[];
  isDefault: boolean;
}

export function serviceRef(arn: string): ServiceRef {
  const [, , , region = "", , rest = ""] = arn.split(":");
  const [, name = "", id = ""] = rest.split("/");
  return { arn, name, id, region };
}

async function servicesUsing(client: AppRunnerClient, arn: string): Promise<ServiceRef[]> {
  const out: ServiceRef[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListServicesForAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: arn, MaxResults: 100, NextToken: token }));
    for (const s of page.ServiceArnList ?? []) out.push(serviceRef(s));
    token = page.NextToken;
  } while (token);
  return out;
}

export async function listAutoScalingGroups(client: AppRunnerClient): Promise<AutoScalingGroup[]> {
  const summaries: AutoScalingView[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListAutoScalingConfigurationsCommand({ MaxResults: 100, NextToken: token }));
    for (const c of page.AutoScalingConfigurationSummaryList ?? []) summaries.push(toAutoScalingView(c));
    token = page.NextToken;
  } while (token);

  const rows: AutoScalingRevisionRow[] = [];
  await mapLimit(summaries, 8, async (s) => {
    const [full, services] = await Promise.all([describeAutoScaling(client, s.arn), s.hasAssociatedService ? servicesUsing(client, s.arn) : Promise.resolve([])]);
    rows.push({ ...s, ...full, services });
  });

  const groups = new Map<string, AutoScalingGroup>();
  for (const r of rows) {
    const g = groups.get(r.name) ?? { name: r.name, revisions: [], isDefault: false };
    g.revisions.push(r);
    g.isDefault ||= r.isDefault;
    groups.set(r.name, g);
  }
  for (const g of groups.values()) g.revisions.sort((a, b) => b.revision - a.revision);
  return [...groups.values()].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}
