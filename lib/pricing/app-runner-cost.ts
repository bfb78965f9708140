// What App Runner bills: active instances per vCPU-hour and GB-hour, idle provisioned
// instances for their memory only, $1 a month for automatic deployments, build minutes,
// data out, plus requests and custom items where a table or user names them.
import { assertValidSize, type InstanceSize } from "@/lib/pricing/instance-sizes";
import type { AppRunnerPrices } from "@/lib/pricing/price-table";
import { breakdown, line, type CostBreakdown, type CostLine } from "@/lib/pricing/cost-breakdown";

export const DEFAULT_MONTH_HOURS = 730;

export interface CustomItem {
  label: string;
  /** USD for the period priced */
  amount: number;
}

export interface AppRunnerUsage {
  size: InstanceSize;
  /** instance-hours with the instance serving (fractions allowed: averages over an hour) */
  activeInstanceHours: number;
  /** instance-hours provisioned but idle (memory only) */
  idleInstanceHours: number;
  autoDeploy: boolean;
  builds: number;
  minutesPerBuild: number;
  dataOutGb: number;
  requests: number;
  customItems?: CustomItem[];
  /** share of a month this usage covers (1 = a whole month): scales the monthly auto-deploy fee */
  monthFraction?: number;
}

/** One hour (or any period) of instance counts, as CloudWatch or a schedule gives them. */
export interface InstanceHour {
  provisioned: number;
  active: number;
}

/** Hour-by-hour counts to the aggregates App Runner bills: active ones, and the provisioned rest. */
export function aggregateHours(hours: readonly InstanceHour[]): { activeInstanceHours: number; idleInstanceHours: number } {
  let active = 0;
  let idle = 0;
  for (const h of hours) {
    active += h.active;
    idle += Math.max(0, h.provisioned - h.active);
  }
  return { activeInstanceHours: active, idleInstanceHours: idle };
}

export function priceAppRunner(u: AppRunnerUsage, p: AppRunnerPrices): CostBreakdown {
  assertValidSize(u.size);
  for (const [k, v] of Object.entries({ activeInstanceHours: u.activeInstanceHours, idleInstanceHours: u.idleInstanceHours, builds: u.builds, minutesPerBuild: u.minutesPerBuild, dataOutGb: u.dataOutGb, requests: u.requests })) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${k} must be a number of at least 0 (got ${v})`);
  }
  const lines: CostLine[] = [
    line("activeVcpu", u.activeInstanceHours * u.size.vcpu, "vCPU-hours", p.vcpuHour),
    line("activeMemory", u.activeInstanceHours * u.size.memoryGb, "GB-hours", p.gbHour),
    line("idleMemory", u.idleInstanceHours * u.size.memoryGb, "GB-hours", p.provisionedGbHour),
    line("autoDeploy", u.autoDeploy ? (u.monthFraction ?? 1) : 0, "app-months", p.autoDeployMonth),
    line("builds", u.builds * u.minutesPerBuild, "build-minutes", p.buildMinute),
    line("dataTransfer", u.dataOutGb, "GB", p.dataOutGb),
    line("requests", u.requests / 1_000_000, "million requests", p.requestsPerMillion),
  ];
  for (const item of u.customItems ?? []) lines.push(line("custom", 1, "item", item.amount, item.label));
  return breakdown(lines);
}
