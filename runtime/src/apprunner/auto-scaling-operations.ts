import type { Json } from "../contracts.js";
import type { ControlPlane } from "./control-plane.js";
import { paginate } from "./paginate.js";
import { renderAutoScaling, renderAutoScalingSummary } from "./render.js";
import type { AutoScalingRecord, Tag } from "./state.js";

type Obj = { [key: string]: Json };
type Input = Record<string, unknown>;

function full(cp: ControlPlane, a: AutoScalingRecord): Obj {
  return renderAutoScaling(a, cp.autoScaling.isLatest(a), cp.autoScaling.hasAssociatedService(a));
}

export function createAutoScalingConfiguration(cp: ControlPlane, region: string, input: Input): Obj {
  const record = cp.autoScaling.create(region, {
    name: input.AutoScalingConfigurationName as string,
    maxConcurrency: input.MaxConcurrency as number | undefined,
    minSize: input.MinSize as number | undefined,
    maxSize: input.MaxSize as number | undefined,
    tags: input.Tags as Tag[] | undefined,
  });
  return { AutoScalingConfiguration: full(cp, record) };
}

export function describeAutoScalingConfiguration(cp: ControlPlane, region: string, input: Input): Obj {
  return { AutoScalingConfiguration: full(cp, cp.autoScaling.resolve(region, input.AutoScalingConfigurationArn as string)) };
}

export function listAutoScalingConfigurations(cp: ControlPlane, region: string, input: Input): Obj {
  let items = cp.autoScaling.inRegion(region).filter((a) => a.status === "ACTIVE");
  if (typeof input.AutoScalingConfigurationName === "string") items = items.filter((a) => a.name === input.AutoScalingConfigurationName);
  if (input.LatestOnly === true) items = items.filter((a) => cp.autoScaling.isLatest(a));
  items = [...items].sort((a, b) => a.createdAt - b.createdAt || a.revision - b.revision);
  const page = paginate(items, `autoscaling/${region}`, input, 100);
  return {
    AutoScalingConfigurationSummaryList: page.items.map((a) => renderAutoScalingSummary(a, cp.autoScaling.hasAssociatedService(a))),
    ...page.token,
  };
}

export function deleteAutoScalingConfiguration(cp: ControlPlane, region: string, input: Input): Obj {
  const record = cp.autoScaling.delete(region, input.AutoScalingConfigurationArn as string, input.DeleteAllRevisions === true);
  return { AutoScalingConfiguration: full(cp, record) };
}

export function updateDefaultAutoScalingConfiguration(cp: ControlPlane, region: string, input: Input): Obj {
  return { AutoScalingConfiguration: full(cp, cp.autoScaling.setDefault(region, input.AutoScalingConfigurationArn as string)) };
}

export function listServicesForAutoScalingConfiguration(cp: ControlPlane, region: string, input: Input): Obj {
  const asc = cp.autoScaling.resolve(region, input.AutoScalingConfigurationArn as string);
  const arns = cp.state.services
    .filter((s) => s.region === region && s.status !== "DELETED" && s.config.AutoScalingConfigurationArn === asc.arn)
    .map((s) => s.arn);
  const page = paginate(arns, `asc-services/${asc.arn}`, input, 100);
  return { ServiceArnList: page.items, ...page.token };
}
